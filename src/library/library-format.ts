import type { TermIndex } from '../core/lay-terms.js';
import type { SideEffect, Source } from '../core/monograph.js';
import { packedAt, type PackedStrings } from './packed.js';

/**
 * The compiled library: what the build writes and the run time reads.
 * A command reads only the files it needs: the manifest, one name shard and
 * one drug record for `show`; the search files only for `search`.
 */
export const FORMAT_VERSION = 16;

export interface Manifest {
  format: number;
  drugs: number;
  nameShards: number;
  proseShards: number;
  /** How many `search/pairs-<n>.txt` files hold the prose's word pairs. */
  pairShards: number;
  classes: Record<string, string>;
  /** Class tag → why two drugs of it in one list are duplicate therapy. */
  duplicateTherapy: Record<string, string>;
  /** The side-effect vocabulary: shown term → synonyms. */
  effectTerms: Record<string, string[]>;
  /**
   * A digest of every other file and of this manifest's other fields. A user
   * folder's cache entry is keyed by the bundled library's, so a bundled
   * library rebuilt under the same version still invalidates the entry.
   */
  fingerprint: string;
}

/** One row per drug in `drugs.json`, in slug order; search postings point into this array. */
export interface DrugSummary {
  slug: string;
  name: string;
  brands: string[];
  aliases: string[];
  classes: string[];
  uses: string[];
  rx: string;
}

/**
 * `rows/<slug>.txt`: what a search result shows of a drug, so a search reads
 * a few kilobytes per result instead of its whole record: the names and
 * phrases a match is shown as, and the prose as plain sentences for the
 * snippet (core/sentences.ts).
 */
export interface SearchRow {
  name: string;
  brands: string[];
  aliases: string[];
  uses: string[];
  /** The effect of each side-effect row, in row order. */
  effects: string[];
  sentences: string[];
}

/** A row file's text: the short fields as one line of JSON, then a line per sentence. */
export function searchRowText(row: SearchRow): string {
  const { sentences, ...fields } = row;
  return `${JSON.stringify(fields)}\n${sentences.map((sentence) => `${sentence}\n`).join('')}`;
}

/** The parts of a row file's text: its first line (JSON, for the reader to check) and its sentences; undefined for text that is not one. */
export function searchRowParts(text: string): { fields: string; sentences: string[] } | undefined {
  const end = text.indexOf('\n');
  if (end === -1 || !text.endsWith('\n')) return undefined;
  const rest = text.slice(end + 1, -1);
  return { fields: text.slice(0, end), sentences: end === text.length - 1 ? [] : rest.split('\n') };
}

/** Fields a short phrase can come from, best first. Stored as their index. */
export const PHRASE_FIELDS = ['name', 'brand', 'alias', 'class', 'use', 'side effect'] as const;
export type PhraseField = (typeof PHRASE_FIELDS)[number];
/**
 * The field code of a look-alike name (a monograph's `look_alikes`): only in
 * the names index, so that a miss can say which drug is often confused with
 * what was typed. Such a name never resolves to the drug that lists it.
 */
export const LOOK_ALIKE_FIELD = PHRASE_FIELDS.length;

/**
 * The short phrases of a library: every name, brand, alias, class, use and
 * side effect (`search/`), or only the names, brands, aliases and look-alike
 * names (`names/`, see LOOK_ALIKE_FIELD).
 * Each distinct phrase appears once, as a name key, in sorted order. Phrase i
 * has postings `offsets[i] .. offsets[i + 1]`, each `drug * 8 + field`, where
 * drug indexes `slugs` and field indexes PHRASE_FIELDS (or is LOOK_ALIKE_FIELD). Every number is packed
 * (packed.ts) in `width` base-36 digits, and the texts are plain
 * newline-joined files (`phrases.txt`, and `slugs.txt` shared by both), so
 * loading an index at tens of thousands of drugs is a few string reads, and
 * only what a look-up lands on is ever decoded.
 */
export interface PhraseIndex {
  width: number;
  slugs: PackedStrings;
  phrases: PackedStrings;
  offsets: string;
  postings: string;
  /**
   * The phrases (indexes, in order) that hold a three-letter piece (see
   * gramsOf), read from the piece's shard of `<index>/grams-<n>.txt`: what
   * typo candidates are counted from instead of searching the whole text of
   * the phrases once per piece. Absent for an index made by hand, as tests make them.
   */
  phrasesWith?(gram: string): readonly number[];
}

/** Every three-letter piece of a name key, each once: what the grams files index and a typo look-up counts. */
export function gramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return [...grams];
}

/**
 * `<index>/grams-<n>.txt`: a table (tableLookUp) from each three-letter piece
 * of the index's phrases, in the shard shardOf gives it, to the phrases that
 * hold it, packed in the index's width. Shards are made about this big, so a
 * look-up reads a few small files however large the library.
 */
export const GRAM_SHARD_BYTES = 16_384;

/**
 * `phrases.idx`: a PhraseIndex without its two texts, which are files of
 * their own, as five lines: the width and the number of grams shards, then the slugs' starts, the phrases'
 * starts, the offsets and the postings, each a packed string. Plain ASCII, no
 * JSON: at tens of thousands of drugs it is megabytes, read as one-byte text
 * and cut into its lines without parsing or copying.
 */
export function phraseIndexFileText(index: PhraseIndex, gramShards: number): string {
  return `${[`${index.width} ${gramShards}`, index.slugs.starts, index.phrases.starts, index.offsets, index.postings].join('\n')}\n`;
}

/** The parts of a `phrases.idx` (phraseIndexFileText), or undefined for text that is not one. */
export function phraseIndexFileParts(text: string): { width: number; gramShards: number; slugStarts: string; phraseStarts: string; offsets: string; postings: string } | undefined {
  const ends: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1 && ends.length < 6; at = text.indexOf('\n', at + 1)) ends.push(at);
  if (ends.length !== 5 || ends[4] !== text.length - 1) return undefined;
  const [width, gramShards] = text.slice(0, ends[0]).split(' ').map(Number) as [number, number | undefined];
  const part = (i: number) => text.slice(ends[i]! + 1, ends[i + 1]);
  const [slugStarts, phraseStarts, offsets, postings] = [0, 1, 2, 3].map(part) as [string, string, string, string];
  if (!Number.isSafeInteger(width) || width < 1 || width > 10 || !Number.isSafeInteger(gramShards) || gramShards! < 1) return undefined;
  if ([slugStarts, phraseStarts, offsets, postings].some((packed) => packed.length % width !== 0)) return undefined;
  return { width, gramShards: gramShards!, slugStarts, phraseStarts, offsets, postings };
}

/**
 * Calls `visit` with each field under which `drug` has phrase `phrase`. Postings
 * are in drug order, so this is a binary search, however many drugs share the
 * phrase (a class can have thousands).
 */
export function forEachFieldOf(index: PhraseIndex, phrase: number, drug: number, visit: (field: number) => void): void {
  const { width, offsets, postings } = index;
  let lo = packedAt(offsets, phrase, width);
  let hi = packedAt(offsets, phrase + 1, width);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (packedAt(postings, mid, width) < drug * 8) lo = mid + 1;
    else hi = mid;
  }
  const end = packedAt(offsets, phrase + 1, width);
  for (let i = lo; i < end; i++) {
    const code = packedAt(postings, i, width);
    if (code >= drug * 8 + 8) break;
    visit(code % 8);
  }
}

/** Calls `visit` with each (drug, field) posting of phrase `phrase`. */
export function forEachPosting(index: PhraseIndex, phrase: number, visit: (drug: number, field: number) => void): void {
  const { width, offsets, postings } = index;
  const end = packedAt(offsets, phrase + 1, width);
  for (let i = packedAt(offsets, phrase, width); i < end; i++) {
    const code = packedAt(postings, i, width);
    visit(Math.floor(code / 8), code % 8);
  }
}

/**
 * `search/prose-meta.txt`: each drug's length in words (packed, `width`
 * digits each), their average, and the prose vocabulary, sorted, for prefix
 * look-up (wordsStarting). Plain text, as three parts: a line `width
 * average`, a line of lengths, then a line per word. The vocabulary is tens
 * of thousands of words at scale, which as a JSON array cost milliseconds to
 * parse for the one or two words a query looks up.
 */
export interface ProseMeta {
  /** The words, each followed by a line break, in sorted order. */
  vocabulary: string;
  width: number;
  lengths: string;
  averageLength: number;
}

export function proseMetaText(meta: ProseMeta): string {
  return `${meta.width} ${meta.averageLength}\n${meta.lengths}\n${meta.vocabulary}`;
}

/** The parts of a prose-meta.txt text, or undefined for text that is not one. */
export function proseMetaParts(text: string): ProseMeta | undefined {
  const first = text.indexOf('\n');
  const second = first === -1 ? -1 : text.indexOf('\n', first + 1);
  if (second === -1) return undefined;
  const [width, averageLength] = text.slice(0, first).split(' ').map(Number) as [number, number];
  const lengths = text.slice(first + 1, second);
  const vocabulary = text.slice(second + 1);
  if (!Number.isSafeInteger(width) || width < 1 || width > 10 || !(averageLength >= 0) || lengths.length % width !== 0) return undefined;
  if (vocabulary !== '' && !vocabulary.endsWith('\n')) return undefined;
  return { width, lengths, averageLength, vocabulary };
}

/**
 * The words of a sorted vocabulary (ProseMeta) that start with `prefix`, in
 * order, at most `max`: a binary search over its lines, nothing split.
 */
export function wordsStarting(vocabulary: string, prefix: string, max: number): string[] {
  const words: string[] = [];
  for (let at = firstLineNotBefore(vocabulary, prefix, (_, end) => end)!; at < vocabulary.length && words.length < max; ) {
    const end = vocabulary.indexOf('\n', at);
    const word = vocabulary.slice(at, end);
    if (!word.startsWith(prefix)) break;
    words.push(word);
    at = end + 1;
  }
  return words;
}

/**
 * Where the first line of a sorted text whose key is not before `key`
 * starts (the text's length if none), by binary search over whole lines;
 * `keyEnd` says where a line's key ends, or -1 for a line that has none
 * (then null: the text is not what it should be).
 */
function firstLineNotBefore(text: string, key: string, keyEnd: (line: number, end: number) => number): number | null {
  // lo and hi are always the starts of lines (or the end), so each step keeps whole lines.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const line = mid === lo ? lo : text.lastIndexOf('\n', mid - 1) + 1;
    let end = text.indexOf('\n', line);
    if (end < 0) end = text.length;
    const keyAt = keyEnd(line, end);
    if (keyAt < 0) return null;
    if (text.slice(line, keyAt) < key) lo = end + 1;
    else hi = line;
  }
  return lo;
}

/**
 * `search/prose-<n>.txt`: each word of the drugs' prose with its postings
 * `drug, count, drug, count, ...`, in the pair shards' plain form (PairShard):
 * the packing width, then a line per word. A word's postings are found by one
 * indexOf; at tens of thousands of drugs a shard is a megabyte that JSON.parse
 * took milliseconds over for the one word a query needs.
 */
export type ProseShard = string;

/**
 * `search/pairs-<n>.txt`: each pair of words that stand next to each other in
 * a drug's prose (see pairKey and phraseRuns: stopwords kept, punctuation ends
 * a run), so a phrase typed as a query is found as a phrase. Plain text, not
 * JSON: the first line is the packing width, then one line per pair, sorted,
 * `first second<TAB>postings` with postings `drug, count, ...` as in a prose
 * shard. A look-up is one native indexOf, with nothing parsed: a JSON object
 * of thousands of pairs costs more to parse than the whole search.
 */
export type PairShard = string;

/** The postings of a key in a pair or prose shard: a pair of words, or a word. */
export function shardPostings(shard: PairShard | ProseShard, key: string): { width: number; list: string } | undefined {
  const at = shard.indexOf(`\n${key}\t`);
  if (at === -1) return undefined;
  const start = at + key.length + 2;
  const end = shard.indexOf('\n', start);
  return { width: Number(shard.slice(0, shard.indexOf('\n'))), list: shard.slice(start, end === -1 ? undefined : end) };
}

/** A pair shard's text: the width, then the pairs in order. */
export function pairShardText(width: number, pairs: ReadonlyArray<readonly [string, string]>): PairShard {
  return `${width}\n${pairs.map(([key, list]) => `${key}\t${list}`).join('\n')}\n`;
}

/**
 * `search/terms.txt`: every lay and side-effect word by its key (see
 * termIndex in core/lay-terms.ts), one `key<TAB>entry as JSON` a line after a
 * first, empty line, so a query's few words are found by indexOf and only
 * their entries are parsed.
 */
export function termIndexText(index: TermIndex): string {
  return `\n${Object.keys(index)
    .sort()
    .map((key) => `${key}\t${JSON.stringify(index[key])}`)
    .join('\n')}\n`;
}

/** The entry of one key in a terms.txt text, as JSON text, if it has one. */
export function termEntryText(text: string, key: string): string | undefined {
  const at = text.indexOf(`\n${key}\t`);
  if (at === -1 || key.includes('\n') || key.includes('\t')) return undefined;
  const start = at + key.length + 2;
  return text.slice(start, text.indexOf('\n', start));
}

/** Every entry of a terms.txt text. */
export function termIndexEntries(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)]);
}

/**
 * `medinfo-library.json`, in a library written by `medinfo compile`: what
 * `--data-dir` recognises it by, and what lets a later compile replace it.
 */
export interface LibraryMarker {
  format: number;
  written_by: string;
}

export const COMPILED_BY = 'medinfo compile';

export const paths = {
  marker: 'medinfo-library.json',
  manifest: 'manifest.json',
  drugs: 'drugs.json',
  nameShard: (n: number) => `names/${n}.txt`,
  record: (slug: string) => `drugs/${slug}.json`,
  row: (slug: string) => `rows/${slug}.txt`,
  slugText: 'slugs.txt',
  phrases: { index: 'search/phrases.idx', text: 'search/phrases.txt', grams: (n: number) => `search/grams-${n}.txt` },
  namePhrases: { index: 'names/phrases.idx', text: 'names/phrases.txt', grams: (n: number) => `names/grams-${n}.txt` },
  proseMeta: 'search/prose-meta.txt',
  proseShard: (n: number) => `search/prose-${n}.txt`,
  pairShard: (n: number) => `search/pairs-${n}.txt`,
  termIndex: 'search/terms.txt',
  effectTerms: 'effects/terms.txt',
  effectFile: (n: number) => `effects/${n}.json`,
  /**
   * The drug list as piped `medinfo list` prints it, a line per drug in slug
   * order, and `medinfo list --json`'s elements without their origins, a
   * block of lines per drug (render/list-lines.ts makes both).
   */
  list: { text: 'list/text.txt', json: 'list/json.txt' },
};

/** Which of the prepared drug lists (paths.list). */
export type ListKind = keyof typeof paths.list;

/**
 * `names/<n>.txt` and `effects/terms.txt`: tables of text lines `key\tvalue`,
 * sorted by key, which a look-up binary-searches as they are read: nothing to
 * parse, and no cost per entry at tens of thousands of entries. A name shard
 * maps the name keys that hash to it to their slugs; the effect terms map each
 * effect a side-effect row names (a name key, see effectsNamed) to the number
 * of its `effects/<n>.json`. Keys hold no tab or line break: a name key folds
 * every run of white space to one space. Gives undefined for a key the
 * table lacks, and null for text that is not such a table.
 */
export function tableLookUp(table: string, key: string): string | undefined | null {
  // A line without its tab: not a table (null), which the reader reports as damage.
  const tabOf = (line: number, end: number) => {
    const tab = table.indexOf('\t', line);
    return tab < 0 || tab > end ? -1 : tab;
  };
  const line = firstLineNotBefore(table, key, tabOf);
  if (line === null || line >= table.length) return line === null ? null : undefined;
  let end = table.indexOf('\n', line);
  if (end < 0) end = table.length;
  const tab = tabOf(line, end);
  if (tab < 0) return null;
  return table.slice(line, tab) === key ? table.slice(tab + 1, end) : undefined;
}

/** Every entry of a table, in order, or null for text that is not a table. */
export function tableEntries(table: string): Array<[key: string, value: string]> | null {
  const entries: Array<[string, string]> = [];
  const lines = table.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab < 0) return null;
    entries.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  return entries;
}

/** A table's text for `entries`, sorted by key as tableLookUp expects. */
export function tableText(entries: Iterable<[key: string, value: string]>): string {
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}\t${value}\n`)
    .join('');
}

/**
 * `effects/<n>.json`: the side-effect rows that name one effect, with their
 * drugs and sources, so `medinfo effect` reads one file for a word instead of
 * every record, and nothing per row but the row. Each row is
 * `[slug, name, at, source, row]`: `source` indexes `sources` (each distinct
 * source once), `row` is the side-effect row as the monograph has it.
 */
export interface EffectFile {
  sources: Source[];
  rows: Array<[slug: string, name: string, at: number, source: number, row: SideEffect]>;
}

/** One side-effect row that names an effect, as the reader gives it: with its drug and its source. */
export interface EffectIndexRow {
  slug: string;
  name: string;
  /** The row's place in the drug's side_effects: one row named under two words is one row. */
  at: number;
  row: SideEffect;
  source: Source;
}
