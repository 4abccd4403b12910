import { Command } from 'commander';
import { present } from '../io/present.js';
import { classVocabulary, listDrugs } from '../core/catalog.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import { cleanLine } from '../io/sanitize.js';
import { renderJson } from '../render/json.js';
import { renderList } from '../render/list.js';
import { examples, nonEmptyOption } from './options.js';
import type { CommandSpec } from './spec.js';

export const list: CommandSpec = {
  name: 'list',
  create: (context) =>
    new Command('list')
      .description('list every drug in the library with its classes')
      .option('-c, --class <tag>', 'only drugs that carry this class tag (see docs/classes.md)', nonEmptyOption)
      .option('--names', 'print only the slugs, one per line')
      .option('--json', 'print the list as JSON')
      .addHelpText('after', examples('medinfo list', 'medinfo list --class muscle-relaxant', 'medinfo list --json | jq -r ".[].slug"', 'medinfo list --names | medinfo side-effects - --json'))
      .action(async (options: { class?: string; names?: boolean; json?: boolean }) => {
        const { output, catalog } = context();
        const libraries = await catalog();
        let drugs = listDrugs(libraries);
        if (options.class !== undefined) {
          const tag = options.class.trim().toLowerCase().replace(/\s+/g, '-');
          if (!Object.hasOwn(classVocabulary(libraries), tag)) {
            throw new UsageError(`unknown class "${options.class}" (the tags are listed in docs/classes.md)`);
          }
          drugs = drugs.filter((drug) => drug.classes.includes(tag));
          if (drugs.length === 0) throw new NotFoundError(`no drug in the library carries the class "${tag}"`);
        }
        if (options.names) output.out(drugs.map((drug) => `${cleanLine(drug.slug)}\n`).join(''));
        else present(output, { json: drugs, text: (out) => renderList(drugs, out) }, options.json);
      }),
  warmUp: (catalog, output) => renderList(listDrugs(catalog), output),
};
