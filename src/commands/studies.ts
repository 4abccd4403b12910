import { Command } from 'commander';
import { resolveDrug } from '../core/catalog.js';
import type { Context } from '../context.js';
import { renderJson } from '../render/json.js';
import { NOT_ADVICE } from '../render/notice.js';
import { cleanLine } from '../render/sanitize.js';
import { renderSources } from '../render/sources.js';
import { renderStudies } from '../render/studies.js';
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
      const cited = new Set(monograph.studies.map((study) => study.source));
      if (options.json) {
        output.out(
          renderJson({
            slug: monograph.slug,
            name: monograph.name,
            studies: monograph.studies,
            sources: monograph.sources.filter((source) => cited.has(source.id)),
          }),
        );
        return;
      }
      const lines = [output.style.bold(`${cleanLine(monograph.name)} — studies`)];
      if (monograph.studies.length === 0) lines.push('No study summaries are recorded for this drug.');
      else lines.push(...renderStudies(monograph, output), '', ...renderSources(monograph, output, cited));
      lines.push('', output.style.dim(NOT_ADVICE));
      output.out(`${lines.join('\n')}\n`);
    });
}
