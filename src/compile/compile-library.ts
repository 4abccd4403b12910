import { createHash } from 'node:crypto';
import { shardOf } from '../core/hash.js';
import {
  FORMAT_VERSION,
  LOOK_ALIKE_FIELD,
  PHRASE_FIELDS,
  pairShardText,
  termIndexText,
  paths,
  tableText,
  type DrugSummary,
  type EffectFile,
  type Manifest,
  type PhraseField,
  type PhraseIndex,
  type PhraseIndexFile,
  type ProseMeta,
  type ProseShard,
} from '../library/library-format.js';
import { byFigure, effectsNamed } from '../core/effects.js';
import type { DrugRecord } from '../core/monograph.js';
import { packNumbers, packStrings, widthFor } from '../library/packed.js';
import { lookAlikeNames, nameKey, namesOf } from '../core/names.js';
import { pairKey, phraseRuns, wordsOf } from '../core/words.js';
import type { TermIndex } from '../core/lay-terms.js';
import { listJsonBlock, listTextLine } from '../render/list-lines.js';

const json = (value: unknown) => JSON.stringify(value);
// A shard is a text table read without parsing, so a large one costs little to read; every shard
// is stamped on each run of a compiled library (store/compiled-library.ts), so fewer cost less.
const NAMES_PER_SHARD = 4096;
const POSTINGS_PER_SHARD = 20_000;
const PAIRS_PER_SHARD = 2_000;

/**
 * Compiles checked drug records into the library's files (relative path → JSON text).
 * Pure and deterministic: the same records give the same bytes.
 */
export function compileLibrary(
  records: DrugRecord[],
  { classes, duplicateTherapy, effectTerms, terms = {} }: Pick<Manifest, 'classes' | 'duplicateTherapy' | 'effectTerms'> & { terms?: TermIndex },
): Map<string, string> {
  const sorted = [...records].sort((a, b) => (a.monograph.slug < b.monograph.slug ? -1 : 1));
  const files = new Map<string, string>();

  const summaries: DrugSummary[] = sorted.map(({ monograph: m }) => ({
    slug: m.slug,
    name: m.name,
    brands: m.brands,
    aliases: m.aliases,
    classes: m.classes,
    uses: m.uses,
    rx: m.rx,
  }));

  const names = new Map<string, string>();
  for (const drug of summaries) for (const name of namesOf(drug)) names.set(nameKey(name), drug.slug);
  const nameShards = Math.max(1, Math.ceil(names.size / NAMES_PER_SHARD));
  const shards: Array<Array<[string, string]>> = Array.from({ length: nameShards }, () => []);
  for (const [key, slug] of names) shards[shardOf(key, nameShards)]!.push([key, slug]);
  shards.forEach((shard, n) => files.set(paths.nameShard(n), tableText(shard)));

  for (const record of sorted) files.set(paths.record(record.monograph.slug), json(record));
  files.set(paths.drugs, json(summaries));
  files.set(paths.list.text, summaries.map(listTextLine).join(''));
  files.set(paths.list.json, summaries.map(listJsonBlock).join(''));
  const slugs = sorted.map((r) => r.monograph.slug);
  files.set(paths.slugText, slugs.join('\n'));
  for (const [where, fields, lookAlikes] of [
    [paths.phrases, PHRASE_FIELDS, false],
    [paths.namePhrases, ['name', 'brand', 'alias'], true],
  ] as const) {
    const index = phraseIndex(sorted, slugs, fields, lookAlikes);
    const stored: PhraseIndexFile = {
      width: index.width,
      slugStarts: index.slugs.starts,
      phraseStarts: index.phrases.starts,
      offsets: index.offsets,
      postings: index.postings,
    };
    files.set(where.index, json(stored));
    files.set(where.text, index.phrases.text);
  }

  const prose = proseIndex(sorted);
  files.set(paths.proseMeta, json(prose.meta));
  prose.shards.forEach((shard, n) => files.set(paths.proseShard(n), json(shard)));
  const pairs = pairIndex(sorted);
  pairs.forEach((shard, n) => files.set(paths.pairShard(n), shard));
  files.set(paths.termIndex, termIndexText(terms));

  const effects = effectIndex(sorted);
  files.set(paths.effectTerms, tableText(effects.map(([key], n) => [key, String(n)])));
  effects.forEach(([, file], n) => files.set(paths.effectFile(n), json(file)));

  const manifest: Omit<Manifest, 'fingerprint'> = {
    format: FORMAT_VERSION,
    drugs: sorted.length,
    nameShards,
    proseShards: prose.shards.length,
    pairShards: pairs.length,
    classes,
    duplicateTherapy,
    effectTerms,
  };
  files.set(paths.manifest, json({ ...manifest, fingerprint: fingerprintOf(files, json(manifest)) } satisfies Manifest));
  return files;
}

/** Every effect a side-effect row names, in key order, with its file of rows (see EffectFile). */
function effectIndex(records: DrugRecord[]): Array<[key: string, file: EffectFile]> {
  const byKey = new Map<string, { file: EffectFile; sourceAt: Map<string, number> }>();
  for (const { monograph: m } of records) {
    m.side_effects.forEach((row, at) => {
      const source = m.sources.find((candidate) => candidate.id === row.source)!;
      for (const key of new Set(effectsNamed(row.effect))) {
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, (entry = { file: { sources: [], rows: [] }, sourceAt: new Map() }));
        // Sources are shared by content: a drug's label cited by each of its rows is stored once.
        const text = json(source);
        let n = entry.sourceAt.get(text);
        if (n === undefined) {
          n = entry.file.sources.push(source) - 1;
          entry.sourceAt.set(text, n);
        }
        entry.file.rows.push([m.slug, m.name, at, n, row]);
      }
    });
  }
  // Rows in the order a report ranks them (records come in slug order, a stable sort keeps it), so its sort finds them sorted.
  for (const { file } of byKey.values()) file.rows.sort((a, b) => byFigure(a[4], b[4]));
  return [...byKey.keys()].sort().map((key) => [key, byKey.get(key)!.file]);
}

function fingerprintOf(files: Map<string, string>, manifest: string): string {
  const hash = createHash('sha256').update(manifest);
  for (const path of [...files.keys()].sort()) hash.update(`\0${path}\0${files.get(path)}`);
  return hash.digest('hex').slice(0, 32);
}

/** The phrases of `fields`, and with `lookAlikes` each drug's look-alike names too (LOOK_ALIKE_FIELD). */
function phraseIndex(records: DrugRecord[], slugs: readonly string[], fields: readonly PhraseField[], lookAlikes: boolean): PhraseIndex {
  const postings = new Map<string, number[]>();
  const add = (text: string, drug: number, field: PhraseField | typeof LOOK_ALIKE_FIELD) => {
    const key = nameKey(text);
    if (!key || (field === LOOK_ALIKE_FIELD ? !lookAlikes : !fields.includes(field))) return;
    const list = postings.get(key) ?? [];
    const fieldCode = field === LOOK_ALIKE_FIELD ? field : PHRASE_FIELDS.indexOf(field);
    // Drugs are added in order, so only the tail can hold this drug: scanning the whole list was quadratic in how many drugs share a phrase.
    for (let i = list.length - 2; i >= 0 && list[i] === drug; i -= 2) if (list[i + 1] === fieldCode) return;
    list.push(drug, fieldCode);
    postings.set(key, list);
  };
  records.forEach(({ monograph: m }, drug) => {
    add(m.name, drug, 'name');
    if (nameKey(m.slug) !== nameKey(m.name)) add(m.slug, drug, 'name');
    m.brands.forEach((brand) => add(brand, drug, 'brand'));
    m.aliases.forEach((alias) => add(alias, drug, 'alias'));
    m.classes.forEach((tag) => add(tag, drug, 'class'));
    m.uses.forEach((use) => add(use, drug, 'use'));
    m.side_effects.forEach((row) => add(row.effect, drug, 'side effect'));
    m.look_alikes.forEach((entry) => lookAlikeNames(entry).forEach((name) => add(name, drug, LOOK_ALIKE_FIELD)));
  });
  const phrases = [...postings.keys()].sort();
  const offsets = [0];
  const flat: number[] = [];
  for (const phrase of phrases) {
    const list = postings.get(phrase)!;
    for (let i = 0; i < list.length; i += 2) flat.push(list[i]! * 8 + list[i + 1]!);
    offsets.push(flat.length);
  }
  const text = phrases.join('\n');
  const largest = Math.max(records.length * 8, flat.length, text.length, slugs.join('\n').length);
  const width = widthFor(largest);
  return {
    width,
    slugs: packStrings(slugs, width),
    phrases: packStrings(phrases, width),
    offsets: packNumbers(offsets, width),
    postings: packNumbers(flat, width),
  };
}

/** Each pair of neighbouring words in each drug's prose → postings `drug, count, ...`, sharded by pair (see PairShard). */
function pairIndex(records: DrugRecord[]): string[] {
  const postings = new Map<string, number[]>();
  records.forEach(({ monograph: m }, drug) => {
    const counts = new Map<string, number>();
    for (const section of m.sections) {
      for (const run of [...phraseRuns(section.title), ...phraseRuns(section.markdown)]) {
        for (let i = 0; i + 1 < run.length; i++) {
          const key = pairKey(run[i]!, run[i + 1]!);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
    for (const [key, count] of counts) {
      const list = postings.get(key) ?? [];
      list.push(drug, count);
      postings.set(key, list);
    }
  });
  let total = 0;
  let largest = records.length;
  for (const list of postings.values()) {
    total += list.length / 2;
    for (const value of list) largest = Math.max(largest, value);
  }
  const width = widthFor(largest);
  const count = Math.max(1, Math.ceil(total / PAIRS_PER_SHARD));
  const shards: Array<Array<[string, string]>> = Array.from({ length: count }, () => []);
  for (const key of [...postings.keys()].sort()) shards[shardOf(key, count)]!.push([key, packNumbers(postings.get(key)!, width)]);
  return shards.map((pairs) => pairShardText(width, pairs));
}

function proseIndex(records: DrugRecord[]): { meta: ProseMeta; shards: ProseShard[] } {
  const postings = new Map<string, number[]>();
  const lengths: number[] = [];
  records.forEach(({ monograph: m }, drug) => {
    const counts = new Map<string, number>();
    let length = 0;
    for (const section of m.sections) {
      for (const word of wordsOf(`${section.title} ${section.markdown}`)) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
        length++;
      }
    }
    lengths.push(length);
    for (const [word, count] of counts) {
      const list = postings.get(word) ?? [];
      list.push(drug, count);
      postings.set(word, list);
    }
  });
  const vocabulary = [...postings.keys()].sort();
  const total = vocabulary.reduce((sum, word) => sum + postings.get(word)!.length / 2, 0);
  const count = Math.max(1, Math.ceil(total / POSTINGS_PER_SHARD));
  let largest = records.length;
  for (const length of lengths) largest = Math.max(largest, length);
  for (const list of postings.values()) for (const value of list) largest = Math.max(largest, value);
  const width = widthFor(largest);
  const shards: ProseShard[] = Array.from({ length: count }, () => ({ width, terms: {} }));
  for (const word of vocabulary) shards[shardOf(word, count)]!.terms[word] = packNumbers(postings.get(word)!, width);
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  return { meta: { vocabulary, width, lengths: packNumbers(lengths, width), averageLength }, shards };
}
