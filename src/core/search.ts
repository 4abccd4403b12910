import { isReplaced } from './catalog.js';
import { fuzzyMatch } from './fuzzy.js';
import { forEachFieldOf, forEachPosting, PHRASE_FIELDS, type PhraseField } from '../library/library-format.js';
import type { LibraryReader } from '../library/library-reader.js';
import { nameKey } from './names.js';
import { shardOf } from './hash.js';
import { wordsOf } from './words.js';
import { listsOf } from './phrase-list.js';
import { packedAt } from '../library/packed.js';

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
  catalog.forEach((library, rank) => {
    // A drug that a library earlier in the catalog also holds is that library's to answer for:
    // its brands and text, not the replaced monograph's. Each library's best `limit + hits` are enough.
    const replaced = (slug: string) => isReplaced(catalog, rank, slug);
    for (let wanted = limit + hits.size; ; ) {
      const found = searchLibrary(library, phrase, words, wanted);
      const skipped = found.filter((hit) => replaced(hit.slug));
      for (const hit of found) if (!hits.has(hit.slug) && !skipped.includes(hit)) hits.set(hit.slug, hit);
      if (skipped.length === 0 || found.length < wanted) break;
      wanted += skipped.length;
    }
  });
  return [...hits.values()].sort(byScore).slice(0, limit);
}

function byScore(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function searchLibrary(library: LibraryReader, phrase: string, words: string[], limit: number): SearchHit[] {
  const index = library.phrases();
  const { phrases, slugs } = listsOf(index);
  const short = new Float64Array(slugs.length);

  const queries = words.length > 1 ? [phrase, ...words] : [phrase];
  const hits = queries.flatMap((q) => {
    const whole = q === phrase ? 1 : 1 / words.length;
    return fuzzyMatch(phrases, q).map((hit) => ({ ...hit, whole }));
  });
  for (const hit of hits) {
    forEachPosting(index, hit.index, (drug, code) => {
      short[drug] = Math.max(short[drug]!, hit.quality * FIELD_WEIGHT[PHRASE_FIELDS[code]!] * hit.whole);
    });
  }

  const prose = proseScores(library, words);
  const total = new Float64Array(slugs.length);
  for (let drug = 0; drug < slugs.length; drug++) total[drug] = short[drug]! * SHORT_FIELD_FACTOR + prose[drug]!;
  const best = topDrugs(total, limit);

  // What matched is worked out for the shown drugs only: a class can name thousands.
  return best.map((drug) => {
    const found: SearchMatch[] = [];
    for (const hit of hits) {
      const value = phrases.at(hit.index);
      forEachFieldOf(index, hit.index, drug, (code) => {
        const field = PHRASE_FIELDS[code]!;
        if (!found.some((m) => m.field === field && m.value === value)) found.push({ field, value });
      });
    }
    if (prose[drug]! > 0) found.push({ field: 'text', value: words.join(' ') });
    return { slug: slugs.at(drug), score: round(total[drug]!), matched: found };
  });
}

/**
 * The `limit` drugs with the highest positive scores, best first; ties go to
 * the lower index, which is slug order, so the same query always ranks the same way.
 */
function topDrugs(scores: Float64Array, limit: number): number[] {
  const top: number[] = [];
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (let drug = 0; drug < scores.length; drug++) {
    if (!(scores[drug]! > 0)) continue;
    if (top.length === limit && !before(drug, top[limit - 1]!)) continue;
    let at = top.length < limit ? top.length : limit - 1;
    while (at > 0 && before(drug, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = drug;
  }
  return top;
}

/** BM25 over the prose, normalised so the best document scores 1; one entry per drug. */
function proseScores(library: LibraryReader, words: string[]): Float64Array {
  const meta = library.proseMeta();
  const n = meta.lengths.length / meta.width;
  const scores = new Float64Array(n);
  if (words.length === 0) return scores;
  const shards = library.manifest().proseShards;
  for (const word of words) {
    for (const [term, weight] of expand(meta.vocabulary, word)) {
      const { width, terms } = library.proseShard(shardOf(term, shards));
      const list = Object.hasOwn(terms, term) ? terms[term]! : undefined;
      if (!list) continue;
      const df = list.length / width / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const drug = packedAt(list, 2 * i, width);
        const tf = packedAt(list, 2 * i + 1, width);
        const len = packedAt(meta.lengths, drug, meta.width);
        const bm25 = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / meta.averageLength));
        scores[drug] = scores[drug]! + bm25 * weight;
      }
    }
  }
  let best = 0;
  for (const score of scores) if (score > best) best = score;
  if (best > 0) for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! / best;
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
