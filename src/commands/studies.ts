import { Command } from 'commander';
import { resolveDrug } from '../core/catalog.js';
import { studiesReport } from '../core/studies.js';
import { renderJson } from '../render/json.js';
import { renderStudiesPage } from '../render/studies.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const studies: CommandSpec = {
  name: 'studies',
  create: (context) =>
    new Command('studies')
      .description('print the study summaries for a drug: participants, outcome and source')
      .argument('<drug>', 'generic name, brand name or alias')
      .option('--json', 'print the studies as JSON')
      .addHelpText('after', examples('medinfo studies baclofen', 'medinfo studies baclofen --json | jq ".studies[].participants"'))
      .action(async (drug: string, options: { json?: boolean }) => {
        const { output, catalog } = context();
        const { monograph } = resolveDrug(await catalog(), drug);
        const report = studiesReport(monograph);
        output.out(options.json ? renderJson(report) : renderStudiesPage(monograph, report, output));
      }),
  warmUp: (catalog, output) => {
    const { monograph } = resolveDrug(catalog, 'lioresal');
    renderStudiesPage(monograph, studiesReport(monograph), output);
  },
};
