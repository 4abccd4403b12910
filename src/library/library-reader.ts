import type { DrugSummary, EffectIndexRow, ListKind, Manifest, PairShard, PhraseIndex, ProseMeta, ProseShard, SearchRow } from './library-format.js';
import type { TermEntry, TermIndex } from '../core/lay-terms.js';
import type { DrugRecord } from '../core/monograph.js';

/**
 * Where a library of a run comes from: the bundled one, a folder of
 * monographs, or a library made by `medinfo compile`. `folder` is as the user
 * wrote it (the bundled library's own folder for the bundled one), and `from`
 * says what named a user's folder.
 */
export interface LibraryPlace {
  kind: 'bundled' | 'folder' | 'library';
  folder: string;
  from?: '--data-dir' | 'MEDINFO_PATH';
}

/**
 * Read access to one compiled library. The core asks for plain data through
 * this interface and never touches the file system itself; the store
 * (src/store) implements it over files, tests can implement it over objects.
 */
export interface LibraryReader {
  /** Where the library comes from, for messages ("bundled", or a folder). */
  readonly origin: string;
  /** Where the run found it, for showing where a drug comes from (libraries made in tests have none). */
  readonly place?: LibraryPlace;
  /**
   * What names the state of the files `list` prints from (the drug list, its
   * slugs and its prepared lists), for keeping the printed list in the cache
   * (store/output-cache.ts): another state, another name. Undefined when
   * there is none to trust: a library made in memory, or files changed too
   * recently for their stamps to tell a later edit apart.
   */
  listState(): string | undefined;
  manifest(): Manifest;
  drugs(): DrugSummary[];
  /** The drug list prepared for `medinfo list` (paths.list), as the bytes it is printed as: an entry per drug, in slug order. */
  listFile(kind: ListKind): Buffer;
  /** The slugs of the library's drugs, in slug order: the list's order. */
  listSlugs(): string[];
  /** The slug a name key belongs to in this library, if any. */
  slugFor(key: string): string | undefined;
  record(slug: string): DrugRecord;
  /** What a search result shows of a drug (see SearchRow): a small file, where the record is its whole monograph. */
  searchRow(slug: string): SearchRow;
  /** Every short phrase: names, brands, aliases, classes, uses, side effects. */
  phrases(): PhraseIndex;
  /** Only the names, brands and aliases: what did-you-mean looks through. */
  namePhrases(): PhraseIndex;
  proseMeta(): ProseMeta;
  proseShard(n: number): ProseShard;
  /** Pair shard `n`: the word pairs of the prose (see PairShard). */
  pairShard(n: number): PairShard;
  /** The lay or side-effect word with this key (see layKey), if there is one. */
  termEntry(key: string): TermEntry | undefined;
  /** Every lay and side-effect word, by key: what a library compiled against this one copies. */
  termIndex(): TermIndex;
  /** The side-effect rows that name an effect (a name key), with their drugs and sources. */
  effectRows(key: string): EffectIndexRow[];
}
