import { Command } from 'commander';
import { layersOf } from '../core/catalog.js';
import { present } from '../io/present.js';
import { renderPaths } from '../render/paths.js';
import { examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const paths: CommandSpec = {
  name: 'paths',
  create: (context) =>
    new Command('paths')
      .description('list the folders monographs are read from, in order, with how many drugs each gives')
      .option('--json', 'print the folders as JSON')
      .addHelpText(
        'after',
        `
Folders are read in this order: each --data-dir, as given, then each folder of
MEDINFO_PATH (separated by :), then the bundled library. The first folder that
has a drug answers for it.
${examples('medinfo paths', 'MEDINFO_PATH=~/formulary medinfo paths', 'medinfo --data-dir ./my-drugs paths --json')}`,
      )
      .action(async (options: { json?: boolean }) => {
        const { output, catalog } = context();
        const layers = layersOf(await catalog());
        present(output, { json: layers, text: (out) => renderPaths(layers, out) }, options.json);
      }),
  warmUp: (catalog, output) => void renderPaths(layersOf(catalog), output),
};
