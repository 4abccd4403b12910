import { Command } from 'commander';
import { present } from '../io/present.js';
import { classVocabulary, listDrugs, withOrigin } from '../core/catalog.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import { suggestWords } from '../core/suggest.js';
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
      .option('-c, --class <tag>', 'only drugs that carry this class tag (medinfo classes lists them)', nonEmptyOption)
      .option('--names', 'print only the slugs, one per line')
      .option('--json', 'print the list as JSON')
      .addHelpText('after', examples('medinfo list', 'medinfo list --class muscle-relaxant', 'medinfo list --json | jq -r ".[].slug"', 'medinfo list --names | medinfo side-effects - --json'))
      .action(async (options: { class?: string; names?: boolean; json?: boolean }) => {
        const { output, catalog } = context();
        const libraries = await catalog();
        let drugs = listDrugs(libraries);
        if (options.class !== undefined) {
          const tag = options.class.trim().toLowerCase().replace(/\s+/g, '-');
          const vocabulary = classVocabulary(libraries);
          if (!Object.hasOwn(vocabulary, tag)) {
            const near = suggestWords(Object.keys(vocabulary), tag, 3);
            throw new UsageError(`unknown class "${options.class}" (medinfo classes lists the tags)`, near.length > 0 ? [`did you mean: ${near.join(', ')}?`] : []);
          }
          drugs = drugs.filter((drug) => drug.classes.includes(tag));
          if (drugs.length === 0) throw new NotFoundError(`no drug in the library carries the class "${tag}"`);
        }
        if (options.names) output.out(drugs.map((drug) => `${cleanLine(drug.slug)}\n`).join(''));
        else present(output, { json: drugs.map((drug) => withOrigin(libraries, drug)), text: (out) => renderList(drugs, out) }, options.json);
      }),
  complete: { options: { '--class': 'class' } },
  warmUp: (catalog, output) => renderList(listDrugs(catalog), output),
};
