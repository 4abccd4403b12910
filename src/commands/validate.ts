import { Command } from 'commander';
import { ProblemsFound } from '../core/errors.js';
import { renderJson } from '../render/json.js';
import { renderProblems, validationSummary } from '../render/validate.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const validate: CommandSpec = {
  name: 'validate',
  create: (context) =>
    new Command('validate')
      .description('check monograph files or folders against the format and each other (the bundled library when none is given)')
      .argument('[path...]', 'monograph files (*.md) or folders of them')
      .option('--json', 'print the problems as JSON: [{file, line, field, message}]')
      .addHelpText(
        'after',
        `
Checks what loading them would: the schema (percentages from 0 to 100, a range
low to high, required fields), that every row's source is one of the file's
sources, class tags are known, interactions name a drug or a class tag, and no
name or brand belongs to two drugs (the bundled ones included). Prints one
file:line: problem per finding, then a summary; exit 1 if anything was found.
${examples('medinfo validate ./my-drugs', 'medinfo validate ./my-drugs/mydrug.md --json', 'medinfo validate')}`,
      )
      .action(async (paths: string[], options: { json?: boolean }) => {
        const { output, validate: check } = context();
        const validation = await check(paths);
        if (options.json) output.out(renderJson(validation.problems));
        else {
          output.out(renderProblems(validation));
          // The summary is for a person: piped, stdout holds only the problems, one a line.
          const summary = validationSummary(validation, output);
          if (output.isTerminal) output.out(`${summary}\n`);
          else output.err(summary);
        }
        if (validation.problems.length > 0) throw new ProblemsFound();
      }),
};
