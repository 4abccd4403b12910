import { createHash } from 'node:crypto';
import { shardOf } from '../core/hash.js';
import {
  FORMAT_VERSION,
  PHRASE_FIELDS,
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
import { nameKey, namesOf } from '../core/names.js';
import { wordsOf } from '../core/words.js';

const json = (value: unknown) => JSON.stringify(value);
const NAMES_PER_SHARD = 512;
const POSTINGS_PER_SHARD = 20_000;

/**
 * Compiles checked drug records into the library's files (relative path → JSON text).
 * Pure and deterministic: the same records give the same bytes.
 */
export function compileLibrary(
  records: DrugRecord[],
  { classes, duplicateTherapy, effectTerms }: Pick<Manifest, 'classes' | 'duplicateTherapy' | 'effectTerms'>,
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
  const slugs = sorted.map((r) => r.monograph.slug);
  files.set(paths.slugText, slugs.join('\n'));
  for (const [where, fields] of [
    [paths.phrases, PHRASE_FIELDS],
    [paths.namePhrases, ['name', 'brand', 'alias']],
  ] as const) {
    const index = phraseIndex(sorted, slugs, fields);
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

  const effects = effectIndex(sorted);
  files.set(paths.effectTerms, tableText(effects.map(([key], n) => [key, String(n)])));
  effects.forEach(([, file], n) => files.set(paths.effectFile(n), json(file)));

  const manifest: Omit<Manifest, 'fingerprint'> = {
    format: FORMAT_VERSION,
    drugs: sorted.length,
    nameShards,
    proseShards: prose.shards.length,
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

function phraseIndex(records: DrugRecord[], slugs: readonly string[], fields: readonly PhraseField[]): PhraseIndex {
  const postings = new Map<string, number[]>();
  const add = (text: string, drug: number, field: PhraseField) => {
    const key = nameKey(text);
    if (!key || !fields.includes(field)) return;
    const list = postings.get(key) ?? [];
    const fieldCode = PHRASE_FIELDS.indexOf(field);
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
