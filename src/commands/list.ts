import { Command } from 'commander';
import { present } from '../io/present.js';
import { classVocabulary, listDrugs, listedRuns, withOrigin, type Catalog } from '../core/catalog.js';
import type { ListKind } from '../library/library-format.js';
import { listJsonClose, listJsonElements, nextEntry } from '../render/list-lines.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import { suggestWords } from '../core/suggest.js';
import { cleanLine } from '../io/sanitize.js';
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
        const { output, catalog, outputCache } = context();
        const libraries = await catalog();
        // The whole list, piped or as JSON: streamed from the lines compile prepared, or for JSON, from what an earlier run printed.
        if (options.class === undefined && !options.names && (options.json || !output.isTerminal)) {
          const kind = options.json ? 'json' : 'text';
          // Piped text, as every piped table, puts its header line on stderr.
          if (kind === 'text') output.note('Slug\tName\tClasses\n');
          const cache = kind === 'json' ? await outputCache('list --json') : undefined;
          if (cache?.copyTo((bytes) => output.out(bytes))) return;
          if (!cache) return streamList(libraries, kind, (bytes) => output.out(bytes));
          const printed: Uint8Array[] = [];
          streamList(libraries, kind, (bytes) => {
            output.out(bytes);
            printed.push(bytes);
          });
          return cache.keep(printed);
        }
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

// Drugs per write: a few hundred kilobytes, so a list of tens of thousands of drugs is never one piece.
const ENTRIES_PER_WRITE = 1000;

/**
 * Prints the catalog's whole list as piped `list` and `list --json` print it
 * (the same bytes as renderList and renderJson would), copied from the
 * libraries' prepared lists (listedRuns) a slice at a time, as bytes.
 */
function streamList(libraries: Catalog, kind: ListKind, out: (bytes: Uint8Array) => void): void {
  const files = libraries.map((library) => library.listFile(kind));
  // Each file as latin1 text, a character a byte: searched and cut natively, then turned back into
  // the very same bytes, with no UTF-8 decoded or encoded on the way.
  const texts = files.map((file) => file.toString('latin1'));
  // Where each library's next entry starts: runs of one library come in order.
  const cursors = libraries.map(() => ({ entry: 0, offset: 0 }));
  const advance = (rank: number, to: number) => {
    const cursor = cursors[rank]!;
    for (; cursor.entry < to; cursor.entry++) cursor.offset = nextEntry(texts[rank]!, kind, cursor.offset);
    return cursor.offset;
  };
  let first = true;
  for (const run of listedRuns(libraries)) {
    advance(run.rank, run.from);
    const close = kind === 'json' ? Buffer.from(listJsonClose(run.origin)).toString('latin1') : '';
    for (let from = run.from; from < run.to; from += ENTRIES_PER_WRITE) {
      const start = cursors[run.rank]!.offset;
      const end = advance(run.rank, Math.min(run.to, from + ENTRIES_PER_WRITE));
      if (kind === 'text') {
        out(files[run.rank]!.subarray(start, end));
        continue;
      }
      out(Buffer.from(`${first ? '[\n' : ',\n'}${listJsonElements(texts[run.rank]!.slice(start, end), close)}`, 'latin1'));
      first = false;
    }
  }
  if (kind === 'json') out(Buffer.from(first ? '[]\n' : '\n]\n'));
}
