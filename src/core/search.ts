import { fuzzyMatch } from './fuzzy.js';
import { PHRASE_FIELDS, type PhraseField } from './library-format.js';
import type { LibraryReader } from './library-reader.js';
import { nameKey } from './names.js';
import { shardOf } from './hash.js';
import { wordsOf } from './words.js';

export interface SearchMatch {
  field: PhraseField | 'text';
  value: string;
}

/** A ranked drug. `matched` values are name keys (lower case); see presentHit for display. */
export interface SearchHit {
  slug: string;
  score: number;
  matched: SearchMatch[];
}

// Names beat brands beat classes ... beat prose: a weak name match still outranks a strong prose one.
const FIELD_WEIGHT: Record<PhraseField, number> = {
  name: 1,
  brand: 0.95,
  alias: 0.9,
  class: 0.8,
  use: 0.7,
  'side effect': 0.6,
};
const SHORT_FIELD_FACTOR = 3;
const PREFIX_WEIGHT = 0.6;
const MAX_PREFIX_TERMS = 12;

/**
 * Ranks drugs for a free-text query: typo-tolerant matching on short fields
 * (names, brands, aliases, classes, uses, side effects) and an inverted index
 * over the monographs' prose (whole words and word prefixes). Results are in
 * score order, ties broken by slug, so the same query always gives the same list.
 */
export function searchCatalog(catalog: readonly LibraryReader[], query: string, limit: number): SearchHit[] {
  const phrase = nameKey(query);
  const words = [...new Set(wordsOf(query))];
  if (!phrase) return [];
  const hits = new Map<string, SearchHit>();
  for (const library of catalog) {
    for (const hit of searchLibrary(library, phrase, words)) {
      if (!hits.has(hit.slug)) hits.set(hit.slug, hit);
    }
  }
  return [...hits.values()]
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .slice(0, limit);
}

function searchLibrary(library: LibraryReader, phrase: string, words: string[]): SearchHit[] {
  const short = new Map<number, { score: number; matched: SearchMatch[] }>();
  const { slugs, phrases, offsets, postings } = library.phrases();

  const queries = words.length > 1 ? [phrase, ...words] : [phrase];
  for (const q of queries) {
    const whole = q === phrase ? 1 : 1 / words.length;
    for (const hit of fuzzyMatch(phrases, q)) {
      for (let i = offsets[hit.index]!; i < offsets[hit.index + 1]!; i += 2) {
        const drug = postings[i]!;
        const field = PHRASE_FIELDS[postings[i + 1]!]!;
        const score = hit.quality * FIELD_WEIGHT[field] * whole;
        const entry = short.get(drug) ?? { score: 0, matched: [] };
        entry.score = Math.max(entry.score, score);
        const value = phrases[hit.index]!;
        if (!entry.matched.some((m) => m.field === field && m.value === value)) entry.matched.push({ field, value });
        short.set(drug, entry);
      }
    }
  }

  const prose = proseScores(library, words);
  const results: SearchHit[] = [];
  const candidates = new Set([...short.keys(), ...prose.keys()]);
  for (const drug of candidates) {
    const s = short.get(drug);
    const p = prose.get(drug) ?? 0;
    const matched = [...(s?.matched ?? [])];
    if (p > 0) matched.push({ field: 'text', value: words.join(' ') });
    results.push({ slug: slugs[drug]!, score: round((s?.score ?? 0) * SHORT_FIELD_FACTOR + p), matched });
  }
  return results;
}

/** BM25 over the prose, normalised so the best document scores 1. */
function proseScores(library: LibraryReader, words: string[]): Map<number, number> {
  const scores = new Map<number, number>();
  if (words.length === 0) return scores;
  const meta = library.proseMeta();
  const shards = library.manifest().proseShards;
  const n = meta.lengths.length;
  const average = meta.lengths.reduce((sum, len) => sum + len, 0) / Math.max(1, n);
  for (const word of words) {
    for (const [term, weight] of expand(meta.vocabulary, word)) {
      const list = library.proseShard(shardOf(term, shards))[term];
      if (!list) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const tf = list[i + 1]!;
        const len = meta.lengths[list[i]!]!;
        const bm25 = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / average));
        scores.set(list[i]!, (scores.get(list[i]!) ?? 0) + bm25 * weight);
      }
    }
  }
  const best = Math.max(0, ...scores.values());
  if (best > 0) for (const [drug, score] of scores) scores.set(drug, score / best);
  return scores;
}

/** The word itself, and words it is the start of ("spasm" → "spasms", "spasmodic"). */
function expand(vocabulary: readonly string[], word: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < vocabulary.length && vocabulary[i]!.startsWith(word) && out.length <= MAX_PREFIX_TERMS; i++) {
    out.push([vocabulary[i]!, vocabulary[i] === word ? 1 : word.length >= 4 ? PREFIX_WEIGHT : 0]);
  }
  return out.filter(([, weight]) => weight > 0);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
