import { Command } from 'commander';
import { NotFoundError } from '../core/errors.js';
import { searchCatalog } from '../core/search.js';
import { presentHit } from '../core/search-result.js';
import { wordsOf } from '../core/words.js';
import type { Context } from '../context.js';
import { renderJson } from '../render/json.js';
import { renderSearch } from '../render/search.js';
import { countOption, examples } from './options.js';

export function searchCommand(context: () => Context): Command {
  return new Command('search')
    .description('find drugs by name, brand, class, use, side effect or words in the text, tolerating typos')
    .argument('<query...>', 'words to look for')
    .option('-n, --limit <n>', 'show at most this many drugs', countOption, 10)
    .option('--json', 'print the results as JSON')
    .addHelpText(
      'after',
      examples('medinfo search "muscle relaxant"', 'medinfo search gabapenten', 'medinfo search dizziness --limit 5 --json | jq -r ".[].slug"'),
    )
    .action(async (words: string[], options: { limit: number; json?: boolean }) => {
      const { output, catalog } = context();
      const query = words.join(' ');
      const libraries = await catalog();
      const hits = searchCatalog(libraries, query, options.limit);
      if (hits.length === 0) throw new NotFoundError(`no drugs match "${query}"`);
      const queryWords = wordsOf(query);
      const rows = hits.map((hit) => {
        const owner = libraries.find((library) => library.slugFor(hit.slug) === hit.slug)!;
        return presentHit(hit, owner.record(hit.slug).monograph, queryWords);
      });
      output.out(options.json ? renderJson(rows) : renderSearch(rows, output));
    });
}
