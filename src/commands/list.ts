import { Command } from 'commander';
import { present } from '../io/present.js';
import { classVocabulary, listDrugs, listedRuns, withOrigin, type Catalog } from '../core/catalog.js';
import type { Output } from '../io/output.js';
import type { ListKind } from '../library/library-format.js';
import { listJsonText, nextEntry } from '../render/list-lines.js';
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
        // The whole list, piped or as JSON: streamed from the lines compile prepared.
        if (options.class === undefined && !options.names && (options.json || !output.isTerminal)) return streamList(output, libraries, options.json ? 'json' : 'text');
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

// Drugs per write: a few hundred kilobytes, so a list of tens of thousands of drugs is never one string.
const ENTRIES_PER_WRITE = 1000;

/**
 * Prints the catalog's whole list as piped `list` and `list --json` print it
 * (the same bytes as renderList and renderJson would), copied from the
 * libraries' prepared lists (listedRuns) a slice at a time. Piped text, as
 * every piped table, puts its header line on stderr.
 */
function streamList(output: Output, libraries: Catalog, kind: ListKind): void {
  const texts = libraries.map((library) => library.listText(kind));
  // Where each library's next entry starts: runs of one library come in order.
  const cursors = libraries.map(() => ({ entry: 0, offset: 0 }));
  const slice = (rank: number, from: number, to: number): string => {
    const text = texts[rank]!;
    const cursor = cursors[rank]!;
    for (; cursor.entry < from; cursor.entry++) cursor.offset = nextEntry(text, kind, cursor.offset);
    const start = cursor.offset;
    for (; cursor.entry < to; cursor.entry++) cursor.offset = nextEntry(text, kind, cursor.offset);
    return text.slice(start, cursor.offset);
  };
  let first = true;
  if (kind === 'text') output.note('Slug\tName\tClasses\n');
  for (const run of listedRuns(libraries)) {
    for (let from = run.from; from < run.to; from += ENTRIES_PER_WRITE) {
      const entries = slice(run.rank, from, Math.min(run.to, from + ENTRIES_PER_WRITE));
      output.out(kind === 'text' ? entries : `${first ? '[\n' : ',\n'}${listJsonText(entries, run.origin)}`);
      first = false;
    }
  }
  if (kind === 'json') output.out(first ? '[]\n' : '\n]\n');
}
