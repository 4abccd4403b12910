import { Command } from 'commander';
import { originOf, resolveDrug } from '../core/catalog.js';
import { studiesReport } from '../core/studies.js';
import { renderStudiesPage } from '../render/studies.js';
import { answerDrugs } from './drug-names.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const studies: CommandSpec = {
  name: 'studies',
  create: (context) =>
    new Command('studies')
      .description('print the study summaries for a drug: participants, outcome and source')
      .argument('<drug...>', 'generic name, brand name or alias; several, or - to read them from stdin')
      .option('--json', 'print the studies as JSON')
      .addHelpText('after', examples('medinfo studies baclofen', 'medinfo studies baclofen --json | jq ".studies[].participants"'))
      .action((drugs: string[], options: { json?: boolean }) =>
        answerDrugs(context(), drugs, options.json, ({ monograph }, catalog) => {
          const report = studiesReport(monograph, originOf(catalog, monograph.slug));
          return { json: report, text: (output) => renderStudiesPage(report, output) };
        }),
      ),
  complete: { arguments: ['drug'] },
  warmUp: (catalog, output) => {
    renderStudiesPage(studiesReport(resolveDrug(catalog, 'lioresal').monograph), output);
  },
};
