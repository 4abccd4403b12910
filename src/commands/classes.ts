import { Command } from 'commander';
import { classTags } from '../core/catalog.js';
import { present } from '../io/present.js';
import { renderClasses } from '../render/classes.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const classes: CommandSpec = {
  name: 'classes',
  create: (context) =>
    new Command('classes')
      .description('list the class tags (what list --class takes) with their meanings')
      .option('--json', 'print the tags as JSON')
      .addHelpText('after', examples('medinfo classes', 'medinfo classes | grep -i receptor', 'medinfo list --class benzodiazepine', 'medinfo classes --json | jq -r ".[].tag"'))
      .action(async (options: { json?: boolean }) => {
        const { output, catalog } = context();
        const tags = classTags(await catalog());
        present(output, { json: tags, text: (out) => renderClasses(tags, out) }, options.json);
      }),
  warmUp: (catalog, output) => renderClasses(classTags(catalog), output),
};
