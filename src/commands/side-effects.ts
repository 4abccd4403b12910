import { Command, Option } from 'commander';
import { effectVocabulary, originOf, resolveDrug } from '../core/catalog.js';
import { withTerms, type EffectTerms } from '../core/effects.js';
import { sideEffectsReport, type SideEffectSort } from '../core/side-effects.js';
import { renderSideEffectsPage } from '../render/side-effects.js';
import { answerDrugs } from './drug-names.js';
import { examples, percentOption } from './options.js';
import type { CommandSpec } from './spec.js';

export const sideEffects: CommandSpec = {
  name: 'side-effects',
  create: (context) =>
    new Command('side-effects')
      .description("print a drug's side effects with how often they occur, each with its source")
      .argument('<drug...>', 'generic name, brand name or alias; several, or - to read them from stdin')
      .option('--min <percent>', 'only effects reported in at least this many percent of patients', percentOption)
      .addOption(new Option('--sort <key>', 'order of the rows').choices(['percent', 'name']).default('percent'))
      .option('--json', 'print the side effects as JSON')
      .addHelpText(
        'after',
        examples('medinfo side-effects baclofen', 'medinfo side-effects ambien --min 5', 'medinfo side-effects baclofen --json | jq ".side_effects[].effect"'),
      )
      .action((drugs: string[], options: { min?: number; sort: SideEffectSort; json?: boolean }) => {
        // One vocabulary for the whole batch: termFor works out a vocabulary's keys once per object.
        let terms: EffectTerms | undefined;
        return answerDrugs(context(), drugs, options.json, ({ monograph }, catalog) => {
          const report = sideEffectsReport(monograph, options, originOf(catalog, monograph.slug));
          terms ??= effectVocabulary(catalog);
          return { json: withTerms(report, terms), text: (output) => renderSideEffectsPage(report, output) };
        });
      }),
  complete: { arguments: ['drug'] },
  warmUp: (catalog, output) => {
    renderSideEffectsPage(sideEffectsReport(resolveDrug(catalog, 'lioresal').monograph, { sort: 'percent' }), output);
  },
};
