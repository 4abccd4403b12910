import { Command } from 'commander';
import { resolveDrug } from '../core/catalog.js';
import { findSection, sectionReport } from '../core/sections.js';
import { renderJson } from '../render/json.js';
import { renderShow } from '../render/show.js';
import { examples, nonEmptyOption } from './options.js';
import type { CommandSpec } from './spec.js';

export const show: CommandSpec = {
  name: 'show',
  create: (context) =>
    new Command('show')
      .description('print a drug monograph: facts, sections, side-effect figures, studies and sources')
      .argument('<drug>', 'generic name, brand name or alias (case and accents ignored)')
      .option('-s, --section <name>', 'print only this section (part of its title is enough: "side")', nonEmptyOption)
      .option('--json', 'print the monograph as JSON')
      .addHelpText('after', examples('medinfo show baclofen', 'medinfo show lioresal --section side', 'medinfo show zolpidem --json | jq .side_effects'))
      .action(async (drug: string, options: { section?: string; json?: boolean }) => {
        const { output, catalog } = context();
        const record = resolveDrug(await catalog(), drug);
        const section = options.section === undefined ? undefined : findSection(record.monograph, options.section);
        if (options.json) output.out(renderJson(section === undefined ? record.monograph : sectionReport(record.monograph, section)));
        else output.out(renderShow(record, output, section));
      }),
  warmUp: (catalog, output) => renderShow(resolveDrug(catalog, 'lioresal'), output),
};
