import { Command, Option } from 'commander';
import { duplicateTherapyClasses, resolveDrug, withOrigin } from '../core/catalog.js';
import { UsageError, FoundAtSeverity } from '../core/errors.js';
import { checkInteractions, reachesSeverity } from '../core/interactions.js';
import type { Severity } from '../core/monograph.js';
import { SEVERITIES } from '../core/vocabulary.js';
import { present } from '../io/present.js';
import { renderInteractionsReport } from '../render/interactions-report.js';
import { drugItems, listMembers } from './drug-names.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const interactions: CommandSpec = {
  name: 'interactions',
  create: (context) =>
    new Command('interactions')
      .alias('check')
      .description('check a medication list for interactions and duplicate therapy, every pair')
      .argument('<drug...>', 'drugs, combination products (tylenol pm) or substances (alcohol, grapefruit, st-johns-wort); - reads them from stdin')
      .addOption(new Option('--fail-on <severity>', 'exit 3 when anything this severe or worse is found').choices([...SEVERITIES]))
      .option('--json', 'print the report as JSON')
      .addHelpText(
        'after',
        `
Exit codes: 0 checked (whatever was found), 1 a name not found (nothing is
checked), 3 something at or above --fail-on was found.
${examples(
  'medinfo interactions baclofen zolpidem tramadol sertraline alcohol',
  'medinfo check alprazolam clonazepam',
  'medinfo interactions tylenol pm tramadol --fail-on major',
  'medinfo interactions - --json < my-medicines.txt',
)}`,
      )
      .action(async (drugs: string[], options: { failOn?: Severity; json?: boolean }) => {
        const ctx = context();
        const { items, catalog } = await drugItems(ctx, drugs);
        const members = listMembers(catalog, items);
        if (members.length < 2) throw new UsageError('interactions needs at least two drugs (or one combination product) to check');
        const report = checkInteractions(members, duplicateTherapyClasses(catalog));
        const json = { ...report, drugs: report.drugs.map((drug) => withOrigin(catalog, drug)) };
        present(ctx.output, { json, text: (output) => renderInteractionsReport(report, output) }, options.json);
        if (options.failOn && reachesSeverity(report, options.failOn)) throw new FoundAtSeverity(options.failOn);
      }),
  complete: { arguments: ['drug'] },
  warmUp: (catalog, output) => {
    const members = ['baclofen', 'zolpidem', 'tramadol', 'sertraline', 'alcohol'].map((name) => ({ monograph: resolveDrug(catalog, name).monograph }));
    renderInteractionsReport(checkInteractions(members, duplicateTherapyClasses(catalog)), output);
  },
};
