import { Command } from 'commander';
import { present } from '../io/present.js';
import { recordOf, withOrigin, type Catalog } from '../core/catalog.js';
import { NotFoundError } from '../core/errors.js';
import { searchCatalog } from '../core/search.js';
import { presentHit, type SearchResult } from '../core/search-result.js';
import { wordsOf } from '../core/words.js';
import { renderJson } from '../render/json.js';
import { renderSearch } from '../render/search.js';
import { countOption, examples } from './options.js';
import type { CommandSpec } from './spec.js';

export const search: CommandSpec = {
  name: 'search',
  create: (context) =>
    new Command('search')
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
        const rows = searchRows(await catalog(), query, options.limit);
        // No hits is still an answer for a program: an empty array, then exit 1.
        if (rows.length === 0 && options.json) output.out(renderJson(rows));
        if (rows.length === 0) throw new NotFoundError(`no drugs match "${query}"`);
        present(output, { json: rows, text: (out) => renderSearch(rows, out) }, options.json);
      }),
  warmUp: (catalog, output) => renderSearch(searchRows(catalog, 'muscle spasm', 10), output),
};

function searchRows(libraries: Catalog, query: string, limit: number): SearchResult[] {
  const queryWords = wordsOf(query);
  return searchCatalog(libraries, query, limit).map((hit) => {
    return withOrigin(libraries, presentHit(hit, recordOf(libraries, hit.slug).monograph, queryWords));
  });
}
