import { Command } from 'commander';
import { present } from '../io/present.js';
import { searchRowOf, withOrigin, type Catalog } from '../core/catalog.js';
import { NotFoundError } from '../core/errors.js';
import { searchReport, type SearchResults } from '../core/search.js';
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
      .description('find drugs by name, brand, class, use, side effect or words in the text, in people\'s words too, tolerating typos')
      .argument('<query...>', 'words to look for')
      .option('-n, --limit <n>', 'show at most this many drugs', countOption, 10)
      .option('--json', 'print the results as JSON')
      .addHelpText(
        'after',
        examples('medinfo search "muscle relaxant"', 'medinfo search "blood thinner"', 'medinfo search gabapenten', 'medinfo search dizziness --limit 5 --json | jq -r ".[].slug"'),
      )
      .action(async (words: string[], options: { limit: number; json?: boolean }) => {
        const { output, catalog } = context();
        const query = words.join(' ');
        const { rows, total, unmatched } = searchRows(await catalog(), query, options.limit);
        if (!options.json) for (const { written, means } of unmatched) output.err(`medinfo: note: no drug in the library is what "${written}" means (${means.join(', ')})`);
        // No hits is still an answer for a program: an empty array, then exit 1.
        if (rows.length === 0 && options.json) output.out(renderJson(rows));
        if (rows.length === 0) throw new NotFoundError(`no drugs match "${query}"`);
        present(output, { json: rows, text: (out) => renderSearch(rows, out) }, options.json);
        // Last, after the reminder, so a cut list never looks complete (JSON stays pure data).
        if (!options.json && total > rows.length) output.err(`showing ${rows.length} of ${total}; --limit ${roomFor(total)} for more`);
      }),
  warmUp: (catalog, output) => renderSearch(searchRows(catalog, 'muscle spasm', 10).rows, output),
};

function searchRows(libraries: Catalog, query: string, limit: number): { rows: SearchResult[]; total: number; unmatched: SearchResults['unmatched'] } {
  const queryWords = wordsOf(query);
  const { hits, total, unmatched } = searchReport(libraries, query, limit);
  const rows = hits.map((hit) => withOrigin(libraries, presentHit(hit, searchRowOf(libraries, hit.slug), queryWords)));
  return { rows, total, unmatched };
}

/** A round --limit that shows every match: 10, 20, 50, 100, 200, 500, ... */
function roomFor(total: number): number {
  for (let scale = 10; ; scale *= 10) for (const step of [1, 2, 5]) if (step * scale >= total) return step * scale;
}
