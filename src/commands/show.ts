import { Command } from 'commander';
import { originOf, resolveDrug } from '../core/catalog.js';
import { findSection, sectionReport } from '../core/sections.js';
import { showReport } from '../core/show.js';
import { withBounds } from '../core/side-effects.js';
import { renderShow } from '../render/show.js';
import { answerDrugs } from './drug-names.js';
import { examples, nonEmptyOption } from './options.js';
import type { CommandSpec } from './spec.js';

export const show: CommandSpec = {
  name: 'show',
  create: (context) =>
    new Command('show')
      .description('print a drug monograph: facts, sections, side-effect figures, studies and sources')
      .argument('<drug...>', 'generic name, brand name or alias (case and accents ignored); several, or - to read them from stdin')
      .option('-s, --section <name>', 'print only this section (part of its title is enough: "side")', nonEmptyOption)
      .option('--json', 'print the monograph as JSON')
      .addHelpText(
        'after',
        examples('medinfo show baclofen', 'medinfo show lioresal --section side', 'medinfo show zolpidem --json | jq .side_effects', 'printf "baclofen\\nzolpidem\\n" | medinfo show - --json'),
      )
      .action((drugs: string[], options: { section?: string; json?: boolean }) =>
        answerDrugs(context(), drugs, options.json, (record, catalog) => {
          const section = options.section === undefined ? undefined : findSection(record.monograph, options.section);
          const origin = originOf(catalog, record.monograph.slug);
          return {
            json: {
              ...(section === undefined ? { ...record.monograph, side_effects: record.monograph.side_effects.map(withBounds) } : sectionReport(record.monograph, section)),
              origin,
            },
            text: (output) => renderShow(showReport(record, section, origin), output),
          };
        }),
      ),
  complete: { arguments: ['drug'], options: { '--section': 'section' } },
  warmUp: (catalog, output) => renderShow(showReport(resolveDrug(catalog, 'lioresal')), output),
};
