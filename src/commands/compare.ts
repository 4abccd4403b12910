import { Command } from 'commander';
import { withBounds } from '../core/side-effects.js';
import { duplicateTherapyClasses, effectVocabulary, resolveDrug, withOrigin } from '../core/catalog.js';
import { compareDrugs } from '../core/compare.js';
import { UsageError } from '../core/errors.js';
import { present } from '../io/present.js';
import { renderCompare } from '../render/compare.js';
import { drugItems, listMembers } from './drug-names.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const compare: CommandSpec = {
  name: 'compare',
  create: (context) =>
    new Command('compare')
      .description('set drugs side by side: classes, uses, a side-effect matrix and the interactions between them')
      .argument('<drug...>', 'two or more drugs; - reads them from stdin')
      .option('--json', 'print the comparison as JSON')
      .addHelpText('after', examples('medinfo compare baclofen tizanidine cyclobenzaprine', 'medinfo compare zolpidem eszopiclone --json | jq .side_effects'))
      .action(async (drugs: string[], options: { json?: boolean }) => {
        const ctx = context();
        const { items, catalog } = await drugItems(ctx, drugs);
        const monographs = listMembers(catalog, items).map((member) => member.monograph);
        if (monographs.length < 2) throw new UsageError('compare needs at least two drugs');
        const report = compareDrugs(monographs, effectVocabulary(catalog), duplicateTherapyClasses(catalog));
        const json = {
          ...report,
          drugs: report.drugs.map((drug) => withOrigin(catalog, drug)),
          side_effects: report.side_effects.map((row) => ({ ...row, cells: row.cells.map((cell) => cell && withBounds(cell)) })),
        };
        present(ctx.output, { json, text: (output) => renderCompare(report, output) }, options.json);
      }),
  complete: { arguments: ['drug'] },
  warmUp: (catalog, output) => {
    const monographs = ['baclofen', 'tizanidine', 'cyclobenzaprine'].map((name) => resolveDrug(catalog, name).monograph);
    renderCompare(compareDrugs(monographs, effectVocabulary(catalog), duplicateTherapyClasses(catalog)), output);
  },
};
