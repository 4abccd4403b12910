import { createHash } from 'node:crypto';
import { shardOf } from '../core/hash.js';
import {
  FORMAT_VERSION,
  LOOK_ALIKE_FIELD,
  PHRASE_FIELDS,
  pairShardText,
  termIndexText,
  GRAM_SHARD_BYTES,
  gramsOf,
  paths,
  phraseIndexFileText,
  proseMetaText,
  searchRowText,
  tableText,
  type DrugSummary,
  type EffectFile,
  type Manifest,
  type PhraseField,
  type PhraseIndex,
  type ProseMeta,
} from '../library/library-format.js';
import { byFigure, effectsNamed } from '../core/effects.js';
import type { DrugRecord, SideEffect, Source } from '../core/monograph.js';
import { packNumbers, packStrings, widthFor } from '../library/packed.js';
import { PhraseList } from '../core/phrase-list.js';
import { lookAlikeNames, nameKey, namesOf } from '../core/names.js';
import { pairKey, phraseRuns, wordsOf } from '../core/words.js';
import { sentencesOf } from '../core/sentences.js';
import type { TermIndex } from '../core/lay-terms.js';
import { listJsonBlock, listTextLine } from '../render/list-lines.js';
import { copied } from './copied.js';

const json = (value: unknown) => JSON.stringify(value);
// A shard is a text table read without parsing, so a large one costs little to read; every shard
// is stamped on each run of a compiled library (store/compiled-library.ts), so fewer cost less.
const NAMES_PER_SHARD = 4096;
const POSTINGS_PER_SHARD = 20_000;
const PAIRS_PER_SHARD = 2_000;

export type FileText = string | Iterable<string>;

/** A file's whole text, for a sink that keeps files in memory. */
export function wholeText(text: FileText): string {
  return typeof text === 'string' ? text : [...text].join('');
}

/** The vocabularies a library is compiled with. */
export type LibraryVocabulary = Pick<Manifest, 'classes' | 'duplicateTherapy' | 'effectTerms'> & { terms?: TermIndex };

/**
 * Where a library's files go as they are made: into a Map, or into a folder
 * as compile goes (write-library.ts), so that a large library is never held
 * in memory whole. A file can come as its text or as parts made one by one
 * (a line per drug), so that not even one large file is. `read` gives back a
 * file written before, for the fingerprint.
 */
export interface LibrarySink {
  write(path: string, text: FileText): void;
  read(path: string): string;
  remove(path: string): void;
}

/**
 * Compiles checked drug records into the library's files (relative path → JSON text).
 * Pure and deterministic: the same records give the same bytes.
 */
export function compileLibrary(records: DrugRecord[], vocabulary: LibraryVocabulary): Map<string, string> {
  const files = new Map<string, string>();
  const builder = new LibraryBuilder(vocabulary, {
    write: (path, text) => void files.set(path, wholeText(text)),
    read: (path) => files.get(path)!,
    remove: (path) => void files.delete(path),
  });
  for (const record of [...records].sort((a, b) => (a.monograph.slug < b.monograph.slug ? -1 : 1))) builder.add(record);
  builder.finish();
  return files;
}

/** A growing list of whole numbers, added two at a time, four bytes each: a library's postings run to tens of millions. */
class Numbers {
  data = new Int32Array(4);
  length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
}

/**
 * A word's postings while a library is built: `drug, count` pairs in five
 * bytes, not sixteen, since there are tens of millions of them; a count too
 * large for a byte (a word used 255 times in one monograph) is kept aside.
 */
class Postings {
  drugs = new Int32Array(2);
  counts = new Uint8Array(2);
  length = 0;
  private large: Map<number, number> | undefined;
  push(drug: number, count: number): void {
    if (this.length === this.drugs.length) {
      const size = Math.ceil(this.length * 1.5);
      const drugs = new Int32Array(size);
      drugs.set(this.drugs);
      this.drugs = drugs;
      const counts = new Uint8Array(size);
      counts.set(this.counts);
      this.counts = counts;
    }
    if (count >= 255) (this.large ??= new Map()).set(this.length, count);
    this.drugs[this.length] = drug;
    this.counts[this.length++] = Math.min(count, 255);
  }
  countAt(i: number): number {
    return this.counts[i] === 255 ? this.large!.get(i)! : this.counts[i]!;
  }
}

/**
 * Builds a library one drug at a time: each drug's record is written as it
 * comes and only what the indexes need is kept, as numbers and short JSON
 * texts, so memory grows with the indexes, not with the monographs. finish()
 * puts the drugs in slug order and writes the indexes and the manifest;
 * `keep` can still leave out drugs added before (compile learns only at the
 * end that a drug's interaction names no drug), and the files are then as if
 * those drugs had never been added.
 */
export class LibraryBuilder {
  /** Per drug added: its slug, name, and its summary as JSON text. */
  private readonly slugs: string[] = [];
  private readonly names: string[] = [];
  private readonly summaries: string[] = [];
  /** Per phrase index: phrase → its number, and postings `phrase, drug * 8 + field, ...`. */
  private readonly phrases: Array<{ ids: Map<string, number>; postings: Numbers }> = PHRASE_INDEXES.map(() => ({ ids: new Map<string, number>(), postings: new Numbers() }));
  private readonly prose = new Map<string, Postings>();
  private readonly lengths: number[] = [];
  private readonly pairs = new Map<string, Postings>();
  /** Per side-effect row and effect it names: its drug and the effect's number, its place, and its source and row as JSON. */
  private readonly effects = { keys: new Map<string, number>(), drug: new Numbers(), at: [] as number[], sources: [] as string[], rows: [] as string[] };
  /** Every file written but the drug records (paths.record). */
  private readonly written = new Set<string>();

  constructor(
    private readonly vocabulary: LibraryVocabulary,
    private readonly sink: LibrarySink,
    /** Collects the heap, where the caller can (medinfo compile): finish() calls it between its stages. */
    private readonly collect?: () => void,
  ) {}

  private write(path: string, text: FileText): void {
    this.sink.write(path, text);
    this.written.add(path);
  }

  /** Adds a drug, in any order (finish puts them in slug order); no two of one slug. */
  add(record: DrugRecord): void {
    const drug = this.slugs.length;
    const m = record.monograph;
    // JSON texts and copies: a parsed string can be a slice that holds the monograph's whole text alive.
    const summary = json({ slug: m.slug, name: m.name, brands: m.brands, aliases: m.aliases, classes: m.classes, uses: m.uses, rx: m.rx } satisfies DrugSummary);
    this.summaries.push(summary);
    this.slugs.push(copied(m.slug));
    this.names.push(copied(m.name));
    this.sink.write(paths.record(m.slug), json(record));
    const effects = m.side_effects.map((row) => row.effect);
    this.sink.write(paths.row(m.slug), searchRowText({ name: m.name, brands: m.brands, aliases: m.aliases, uses: m.uses, effects, sentences: sentencesOf(m.sections) }));
    PHRASE_INDEXES.forEach(([, fields, lookAlikes], i) => {
      const { ids, postings } = this.phrases[i]!;
      for (const [phrase, field] of phrasesOf(record, fields, lookAlikes)) {
        let id = ids.get(phrase);
        if (id === undefined) ids.set(copied(phrase), (id = ids.size));
        postings.push(id, drug * 8 + field);
      }
    });

    const counts = new Map<string, number>();
    let length = 0;
    for (const section of m.sections) {
      for (const word of wordsOf(`${section.title} ${section.markdown}`)) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
        length++;
      }
    }
    this.lengths.push(length);
    for (const [word, count] of counts) listOf(this.prose, word).push(drug, count);

    const pairCounts = new Map<string, number>();
    for (const section of m.sections) {
      for (const run of [...phraseRuns(section.title), ...phraseRuns(section.markdown)]) {
        for (let i = 0; i + 1 < run.length; i++) {
          const key = pairKey(run[i]!, run[i + 1]!);
          pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
        }
      }
    }
    for (const [key, count] of pairCounts) listOf(this.pairs, key).push(drug, count);

    const sources = new Map<string, string>();
    m.side_effects.forEach((row, at) => {
      const found = m.sources.find((candidate) => candidate.id === row.source)!;
      let source = sources.get(found.id);
      if (source === undefined) sources.set(found.id, (source = json(found)));
      const text = json(row);
      for (const key of new Set(effectsNamed(row.effect))) {
        let id = this.effects.keys.get(key);
        if (id === undefined) this.effects.keys.set(copied(key), (id = this.effects.keys.size));
        this.effects.drug.push(drug, id);
        this.effects.at.push(at);
        this.effects.sources.push(source);
        this.effects.rows.push(text);
      }
    });
  }

  /** Writes the indexes and the manifest of the drugs added, but those `keep` refuses. */
  finish(keep: (slug: string) => boolean = () => true): void {
    const { classes, duplicateTherapy, effectTerms, terms = {} } = this.vocabulary;
    // Each added drug's place among those kept, in slug order, or -1; and the drugs added, in that order.
    const final = new Int32Array(this.slugs.length).fill(-1);
    const order = this.slugs.map((_, i) => i).sort((a, b) => (this.slugs[a]! < this.slugs[b]! ? -1 : 1));
    const kept: number[] = [];
    for (const i of order) {
      if (keep(this.slugs[i]!)) final[i] = kept.push(i) - 1;
      else {
        this.sink.remove(paths.record(this.slugs[i]!));
        this.sink.remove(paths.row(this.slugs[i]!));
      }
    }
    const count = kept.length;

    const nameShards = this.writeNamesAndLists(kept);
    this.settle();
    const slugs = kept.map((i) => this.slugs[i]!);
    this.write(paths.slugText, slugs.join('\n'));
    PHRASE_INDEXES.forEach(([where], i) => {
      const index = phraseIndex(this.phrases[i]!, final, count, slugs);
      // What add() gathered for this index is written: the next stage does not need it.
      this.phrases[i] = { ids: new Map(), postings: new Numbers() };
      const grams = gramShards(index);
      grams.forEach((shard, n) => this.write(where.grams(n), tableText(shard)));
      this.write(where.index, phraseIndexFileText(index, grams.length));
      this.write(where.text, index.phrases.text);
      this.settle();
    });

    const proseShards = this.writeProse(final, count);
    this.prose.clear();
    this.settle();
    const pairShards = this.writePairs(final, count);
    this.pairs.clear();
    this.settle();
    this.write(paths.termIndex, termIndexText(terms));
    this.writeEffects(final);

    const manifest: Omit<Manifest, 'fingerprint'> = {
      format: FORMAT_VERSION,
      drugs: count,
      nameShards,
      proseShards,
      pairShards,
      classes,
      duplicateTherapy,
      effectTerms,
    };
    const every = [...this.written, ...slugs.flatMap((slug) => [paths.record(slug), paths.row(slug)])].sort();
    const fingerprint = fingerprintOf(every, (path) => this.sink.read(path), json(manifest));
    this.sink.write(paths.manifest, json({ ...manifest, fingerprint } satisfies Manifest));
  }

  /** The name shards, the drug list and the prepared lists (paths.list) of the drugs kept; returns how many name shards. */
  private writeNamesAndLists(kept: readonly number[]): number {
    const names = new Map<string, string>();
    for (const i of kept) {
      const drug = JSON.parse(this.summaries[i]!) as DrugSummary;
      for (const name of namesOf(drug)) names.set(nameKey(name), drug.slug);
    }
    const nameShards = Math.max(1, Math.ceil(names.size / NAMES_PER_SHARD));
    const shards: Array<Array<[string, string]>> = Array.from({ length: nameShards }, () => []);
    for (const [key, slug] of names) shards[shardOf(key, nameShards)]!.push([key, slug]);
    shards.forEach((shard, n) => this.write(paths.nameShard(n), tableText(shard)));
    // Each made a drug at a time as it is written: joined, they are tens of megabytes at tens of thousands of drugs.
    const summaries = this.summaries;
    this.write(paths.drugs, (function* () {
      yield '[';
      for (const [n, i] of kept.entries()) yield n === 0 ? summaries[i]! : `,${summaries[i]!}`;
      yield ']';
    })());
    const each = function* (line: (drug: DrugSummary) => string) {
      for (const i of kept) yield line(JSON.parse(summaries[i]!) as DrugSummary);
    };
    this.write(paths.list.text, each(listTextLine));
    this.write(paths.list.json, each(listJsonBlock));
    return nameShards;
  }

  /** Between two stages of finish(): what the last one made and wrote is garbage, collected before the next grows the heap. */
  private settle(): void {
    this.collect?.();
  }

  /** The prose index (see ProseShard); returns how many shards it has. */
  private writeProse(final: Int32Array, count: number): number {
    const lengths = new Array<number>(count);
    this.lengths.forEach((length, i) => {
      if (final[i] !== -1) lengths[final[i]!] = length;
    });
    const unchanged = final.every((place, i) => place === i);
    const { postings, total, largest: found } = keptLists(this.prose, final);
    const vocabulary = [...postings.keys()].sort();
    const shardCount = Math.max(1, Math.ceil(total / POSTINGS_PER_SHARD));
    let largest = Math.max(count, found);
    for (const length of lengths) largest = Math.max(largest, length);
    const width = widthFor(largest);
    const byShard: string[][] = Array.from({ length: shardCount }, () => []);
    for (const word of vocabulary) byShard[shardOf(word, shardCount)]!.push(word);
    byShard.forEach((words, n) => this.write(paths.proseShard(n), pairShardText(width, words.sort().map((word) => [word, packPostings(postings.get(word)!, final, unchanged, width)]))));
    const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
    const meta: ProseMeta = { vocabulary: vocabulary.map((word) => `${word}\n`).join(''), width, lengths: packNumbers(lengths, width), averageLength };
    this.write(paths.proseMeta, proseMetaText(meta));
    return shardCount;
  }

  /** The pairs of neighbouring words of the prose, sharded by pair (see PairShard); returns how many shards. */
  private writePairs(final: Int32Array, count: number): number {
    const unchanged = final.every((place, i) => place === i);
    const { postings, total, largest } = keptLists(this.pairs, final);
    const width = widthFor(Math.max(count, largest));
    const shardCount = Math.max(1, Math.ceil(total / PAIRS_PER_SHARD));
    const byShard: string[][] = Array.from({ length: shardCount }, () => []);
    for (const key of [...postings.keys()].sort()) byShard[shardOf(key, shardCount)]!.push(key);
    byShard.forEach((keys, n) => this.write(paths.pairShard(n), pairShardText(width, keys.map((key) => [key, packPostings(postings.get(key)!, final, unchanged, width)]))));
    return shardCount;
  }

  /**
   * `effects/terms.txt` and an `effects/<n>.json` per effect a kept row names,
   * in key order (see EffectFile), one file decoded at a time.
   */
  private writeEffects(final: Int32Array): void {
    const { keys, drug, at: places, sources, rows } = this.effects;
    // Each effect's entries, in slug order of their drugs and, within a drug, in row order.
    const byKey: number[][] = Array.from({ length: keys.size }, () => []);
    const entries: number[] = [];
    for (let e = 0; e < rows.length; e++) if (final[drug.data[2 * e]!] !== -1) entries.push(e);
    entries.sort((a, b) => final[drug.data[2 * a]!]! - final[drug.data[2 * b]!]! || a - b);
    for (const e of entries) byKey[drug.data[2 * e + 1]!]!.push(e);
    const sorted = [...keys].filter(([, id]) => byKey[id]!.length > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.write(paths.effectTerms, tableText(sorted.map(([key], n) => [key, String(n)])));
    sorted.forEach(([, id], n) => {
      const file: EffectFile = { sources: [], rows: [] };
      // Sources are shared by content: a drug's label cited by each of its rows is stored once.
      const sourceAt = new Map<string, number>();
      for (const e of byKey[id]!) {
        const [at, source, row] = [places[e]!, sources[e]!, rows[e]!];
        let s = sourceAt.get(source);
        if (s === undefined) {
          s = file.sources.push(JSON.parse(source) as Source) - 1;
          sourceAt.set(source, s);
        }
        const d = drug.data[2 * e]!;
        file.rows.push([this.slugs[d]!, this.names[d]!, at, s, JSON.parse(row) as SideEffect]);
      }
      // Rows in the order a report ranks them (a stable sort keeps slug order among equals), so its sort finds them sorted.
      file.rows.sort((a, b) => byFigure(a[4], b[4]));
      this.write(paths.effectFile(n), json(file));
    });
  }
}

const PHRASE_INDEXES = [
  [paths.phrases, PHRASE_FIELDS, false],
  [paths.namePhrases, ['name', 'brand', 'alias'], true],
] as const;

function listOf(lists: Map<string, Postings>, key: string): Postings {
  let list = lists.get(key);
  if (!list) lists.set(copied(key), (list = new Postings()));
  return list;
}

/**
 * The lists that keep a posting once the drugs left out are gone (see
 * LibraryBuilder.finish), how many postings they keep, and the largest
 * number in them, drug or count.
 */
function keptLists(lists: Map<string, Postings>, final: Int32Array): { postings: Map<string, Postings>; total: number; largest: number } {
  const postings = new Map<string, Postings>();
  let total = 0;
  let largest = 0;
  for (const [key, list] of lists) {
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const drug = final[list.drugs[i]!]!;
      if (drug === -1) continue;
      kept++;
      largest = Math.max(largest, drug, list.countAt(i));
    }
    if (kept === 0) continue;
    postings.set(key, list);
    total += kept;
  }
  return { postings, total, largest };
}

/** A list's postings `drug, count, ...` of the drugs kept, renumbered and in their order, packed (see packed.ts). */
function packPostings(list: Postings, final: Int32Array, unchanged: boolean, width: number): string {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < list.length; i++) {
    const drug = unchanged ? list.drugs[i]! : final[list.drugs[i]!]!;
    if (drug !== -1) pairs.push([drug, list.countAt(i)]);
  }
  if (!unchanged) pairs.sort((a, b) => a[0] - b[0]);
  return packNumbers(pairs.flat(), width);
}

function fingerprintOf(sorted: readonly string[], read: (path: string) => string, manifest: string): string {
  const hash = createHash('sha256').update(manifest);
  for (const path of sorted) hash.update(`\0${path}\0${read(path)}`);
  return hash.digest('hex').slice(0, 32);
}

/** A drug's phrases of `fields` with their field codes, each once, and with `lookAlikes` its look-alike names too (LOOK_ALIKE_FIELD). */
function phrasesOf(record: DrugRecord, fields: readonly PhraseField[], lookAlikes: boolean): Array<[phrase: string, field: number]> {
  const found: Array<[string, number]> = [];
  const seen = new Set<string>();
  const add = (text: string, field: PhraseField | typeof LOOK_ALIKE_FIELD) => {
    const key = nameKey(text);
    if (!key || (field === LOOK_ALIKE_FIELD ? !lookAlikes : !fields.includes(field))) return;
    const fieldCode = field === LOOK_ALIKE_FIELD ? field : PHRASE_FIELDS.indexOf(field);
    if (seen.has(`${fieldCode}\t${key}`)) return;
    seen.add(`${fieldCode}\t${key}`);
    found.push([key, fieldCode]);
  };
  const m = record.monograph;
  add(m.name, 'name');
  if (nameKey(m.slug) !== nameKey(m.name)) add(m.slug, 'name');
  m.brands.forEach((brand) => add(brand, 'brand'));
  m.aliases.forEach((alias) => add(alias, 'alias'));
  m.classes.forEach((tag) => add(tag, 'class'));
  m.uses.forEach((use) => add(use, 'use'));
  m.side_effects.forEach((row) => add(row.effect, 'side effect'));
  m.look_alikes.forEach((entry) => lookAlikeNames(entry).forEach((name) => add(name, LOOK_ALIKE_FIELD)));
  return found;
}

/** The grams table of an index (GRAM_SHARD_BYTES), by shard: each piece with the phrases that hold it. */
function gramShards(index: PhraseIndex): Array<Array<[string, string]>> {
  const phrases = new PhraseList(index.phrases, index.width);
  const holders = new Map<string, number[]>();
  for (let i = 0; i < phrases.length; i++) {
    for (const gram of gramsOf(phrases.at(i))) {
      const list = holders.get(gram);
      if (list) list.push(i);
      else holders.set(gram, [i]);
    }
  }
  let bytes = 0;
  for (const [gram, list] of holders) bytes += gram.length + 2 + list.length * index.width;
  const shards: Array<Array<[string, string]>> = Array.from({ length: Math.max(1, Math.ceil(bytes / GRAM_SHARD_BYTES)) }, () => []);
  for (const [gram, list] of holders) shards[shardOf(gram, shards.length)]!.push([gram, packNumbers(list, index.width)]);
  return shards;
}

/** A phrase index of the drugs kept (`final`, see LibraryBuilder.finish) from the phrases LibraryBuilder.add numbered. */
function phraseIndex({ ids, postings }: { ids: Map<string, number>; postings: Numbers }, final: Int32Array, count: number, slugs: readonly string[]): PhraseIndex {
  const codes: number[][] = Array.from({ length: ids.size }, () => []);
  for (let i = 0; i < postings.length; i += 2) {
    const code = postings.data[i + 1]!;
    const drug = final[Math.floor(code / 8)]!;
    if (drug !== -1) codes[postings.data[i]!]!.push(drug * 8 + (code % 8));
  }
  const phrases = [...ids.keys()].filter((phrase) => codes[ids.get(phrase)!]!.length > 0).sort();
  const offsets = [0];
  const flat: number[] = [];
  for (const phrase of phrases) {
    // A drug's fields were added in code order (phrasesOf), so sorting the codes puts drugs in order and keeps each one's.
    for (const code of codes[ids.get(phrase)!]!.sort((a, b) => a - b)) flat.push(code);
    offsets.push(flat.length);
  }
  const text = phrases.join('\n');
  const largest = Math.max(count * 8, flat.length, text.length, slugs.join('\n').length);
  const width = widthFor(largest);
  return {
    width,
    slugs: packStrings(slugs, width),
    phrases: packStrings(phrases, width),
    offsets: packNumbers(offsets, width),
    postings: packNumbers(flat, width),
  };
}
