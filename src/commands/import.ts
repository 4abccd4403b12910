import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { NotALabelError, UsageError } from '../core/errors.js';
import { cleanLine } from '../io/sanitize.js';
import { examples, nonEmptyOption } from './options.js';
import type { CommandSpec } from './spec.js';

export const importLabels: CommandSpec = {
  name: 'import',
  create: (context) =>
    new Command('import')
      .description('turn FDA labels (SPL XML, openFDA JSON, DailyMed zip files) into monographs, offline')
      .argument('<path...>', 'label files, or folders of them (read recursively: *.xml, *.json, *.zip)')
      .option('--out <dir>', 'write one monograph per label into this folder (without it, a single label prints to stdout)', nonEmptyOption)
      .addOption(new Option('--format <format>', 'read every file as this format instead of telling from its content').choices(['spl', 'openfda']))
      .addHelpText(
        'after',
        `
Each label becomes a monograph in medinfo's format (docs/monograph-format.md):
names, classes mapped from the label's pharmacologic class, rx from its type,
its sections as plain text, side effects from its tables (one row per drug
arm, with placebo) and from figures in its text, and interactions graded
where the wording is clear (unknown otherwise). Figures that cannot be read
with confidence are left out and named in a warning. "reviewed" stays empty:
medinfo validate flags it until a person has checked the monograph.
A file that is not a label exits 1, after the rest are imported.
${examples('medinfo import lipitor.xml > atorvastatin.md', 'medinfo import ./dailymed-downloads --out ./my-drugs', 'medinfo validate ./my-drugs', 'medinfo --data-dir ./my-drugs show atorvastatin')}`,
      )
      .action(async (paths: string[], options: { out?: string; format?: 'spl' | 'openfda' }) => {
        const { output, importer: load, progress } = context();
        const { importer, vocabulary } = await load();
        const { files, unreadable } = importer.labelFiles(paths);
        if (unreadable.length > 0) throw new UsageError(`import: "${unreadable[0]}" is not a file or folder that can be read`);
        if (files.length === 0) throw new UsageError(`import: no label files (*.xml, *.json, *.zip) in ${paths.join(', ')}`);
        const single = options.out === undefined;
        if (single && files.length > 1) throw new UsageError(`import: ${files.length} label files; name a folder for their monographs with --out`);
        if (options.out !== undefined) mkdirSync(options.out, { recursive: true });
        const written = new Map<string, string>();
        const skipped: string[] = [];
        let labels = 0;
        files.forEach((file, i) => {
          progress(cleanLine(`importing ${i + 1} of ${files.length}: ${file}`));
          const outcome = importer.importFile(file, vocabulary, options.format);
          if ('skipped' in outcome) {
            if (single) {
              progress('');
              throw new NotALabelError(`${file}: ${outcome.skipped}`);
            }
            output.err(`medinfo: ${file}: ${outcome.skipped}`);
            skipped.push(`${file} (${outcome.skipped.replace(/:.*/, '')})`);
            return;
          }
          if (single && outcome.monographs.length > 1) throw new UsageError(`import: ${file} holds ${outcome.monographs.length} labels; name a folder for their monographs with --out`);
          for (const monograph of outcome.monographs) {
            const earlier = written.get(monograph.slug);
            if (earlier !== undefined) {
              output.err(`medinfo: ${file}: ${monograph.slug}.md was already written from ${earlier}; this label is left out`);
              skipped.push(`${file} (same drug as ${earlier})`);
              continue;
            }
            for (const warning of monograph.warnings) output.err(`medinfo: warning: ${file}: ${warning}`);
            labels++;
            if (single) {
              output.out(monograph.text);
              continue;
            }
            written.set(monograph.slug, file);
            writeFileSync(join(options.out!, `${monograph.slug}.md`), monograph.text);
          }
        });
        progress('');
        if (!single) {
          const into = `${labels === 1 ? '1 label' : `${labels} labels`} into ${options.out}`;
          output.err(cleanLine(`medinfo: imported ${into}${skipped.length > 0 ? `; skipped ${skipped.length}: ${skipped.join(', ')}` : ''}`));
        }
        if (skipped.length > 0) throw new NotALabelError('');
      }),
  complete: { arguments: ['folder'], options: { '--out': 'folder' } },
};
