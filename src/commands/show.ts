import { Command } from 'commander';
import { resolveDrug } from '../core/catalog.js';
import { findSection, sectionReport } from '../core/sections.js';
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
        answerDrugs(context(), drugs, options.json, (record) => {
          const section = options.section === undefined ? undefined : findSection(record.monograph, options.section);
          return {
            json: section === undefined ? record.monograph : sectionReport(record.monograph, section),
            text: (output) => renderShow(record, output, section),
          };
        }),
      ),
  complete: { arguments: ['drug'], options: { '--section': 'section' } },
  warmUp: (catalog, output) => renderShow(resolveDrug(catalog, 'lioresal'), output),
};
