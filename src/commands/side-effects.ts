import { Command, Option } from 'commander';
import { resolveDrug } from '../core/catalog.js';
import { selectSideEffects, type SideEffectSort } from '../core/side-effects.js';
import type { Context } from '../context.js';
import { renderJson } from '../render/json.js';
import { NOT_ADVICE } from '../render/notice.js';
import { renderSideEffects } from '../render/side-effects.js';
import { renderSources } from '../render/sources.js';
import { cleanLine } from '../render/sanitize.js';
import { examples, percentOption } from './options.js';

export function sideEffectsCommand(context: () => Context): Command {
  return new Command('side-effects')
    .description('print a drug\'s side effects with how often they occur, each with its source')
    .argument('<drug>', 'generic name, brand name or alias')
    .option('--min <percent>', 'only effects reported in at least this many percent of patients', percentOption)
    .addOption(new Option('--sort <key>', 'order of the rows').choices(['percent', 'name']).default('percent'))
    .option('--json', 'print the side effects as JSON')
    .addHelpText(
      'after',
      examples('medinfo side-effects baclofen', 'medinfo side-effects ambien --min 5', 'medinfo side-effects baclofen --json | jq ".side_effects[].effect"'),
    )
    .action(async (drug: string, options: { min?: number; sort: SideEffectSort; json?: boolean }) => {
      const { output, catalog } = context();
      const { monograph } = resolveDrug(await catalog(), drug);
      const rows = selectSideEffects(monograph.side_effects, options);
      if (options.json) {
        const cited = new Set([...rows.measured, ...rows.unmeasured].map((row) => row.source));
        output.out(
          renderJson({
            slug: monograph.slug,
            name: monograph.name,
            side_effects: [...rows.measured, ...rows.unmeasured],
            sources: monograph.sources.filter((source) => cited.has(source.id)),
          }),
        );
        return;
      }
      const lines = [output.style.bold(`${cleanLine(monograph.name)} — side effects`)];
      const cited = new Set([...rows.measured, ...rows.unmeasured].map((row) => row.source));
      if (cited.size === 0) lines.push(`No side effects of at least ${options.min}% are listed.`);
      else lines.push(...renderSideEffects(monograph, rows, output), '', ...renderSources(monograph, output, cited));
      lines.push('', output.style.dim(NOT_ADVICE));
      output.out(`${lines.join('\n')}\n`);
    });
}
