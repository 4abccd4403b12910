import { Command } from 'commander';
import { resolveDrug } from '../core/catalog.js';
import { studiesReport } from '../core/studies.js';
import type { Context } from '../context.js';
import { renderJson } from '../render/json.js';
import { renderStudiesPage } from '../render/studies.js';
import { examples } from './options.js';

export function studiesCommand(context: () => Context): Command {
  return new Command('studies')
    .description('print the study summaries for a drug: participants, outcome and source')
    .argument('<drug>', 'generic name, brand name or alias')
    .option('--json', 'print the studies as JSON')
    .addHelpText('after', examples('medinfo studies baclofen', 'medinfo studies baclofen --json | jq ".studies[].participants"'))
    .action(async (drug: string, options: { json?: boolean }) => {
      const { output, catalog } = context();
      const { monograph } = resolveDrug(await catalog(), drug);
      const report = studiesReport(monograph);
      output.out(options.json ? renderJson(report) : renderStudiesPage(monograph, report, output));
    });
}
