import { effectVocabulary, type Catalog } from './catalog.js';
import { fuzzyMatch, typoBudget } from './fuzzy.js';
import { forEachFieldOf, forEachPosting, shardPostings, wordsStarting, PHRASE_FIELDS, type PhraseField, type ProseMeta } from '../library/library-format.js';
import type { LibraryReader } from '../library/library-reader.js';
import { isMedicineWord, termLookupOf, termsOf } from './lay-terms.js';
import { nameKey } from './names.js';
import { shardOf } from './hash.js';
import { pairKey, runsIn, wordsOf, type Run } from './words.js';
import { indexOfPhrase, listsOf, phrasesContaining, type PhraseList } from './phrase-list.js';
import { packedAt } from '../library/packed.js';

export interface SearchMatch {
  field: PhraseField | 'text';
  /** What the drug has: a name key (see presentHit for display), or for `text` the words found in its prose. */
  value: string;
  /** The lay or side-effect word of the query it was found through: "blood thinner" for the class anticoagulant. */
  via?: string;
}

/** A ranked drug. */
export interface SearchHit {
  slug: string;
  score: number;
  matched: SearchMatch[];
}

export interface SearchResults {
  /** The best drugs, at most as many as asked for. */
  hits: SearchHit[];
  /** How many drugs matched at all. */
  total: number;
  /** Lay words of the query whose meaning no drug has ("water pill" in a library without diuretics), and what they mean. */
  unmatched: Array<{ written: string; means: string[] }>;
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
// A short field's match against the best prose match (1): even a side effect's beats any prose.
const SHORT_FIELD_FACTOR = 3;
// The query's words found in short fields one by one, not together: this share of finding them together.
const SCATTERED = 0.5;
// What a drug whose name, brand or alias is exactly the query gains: more than prose can give another
// drug, so "s-citalopram" is escitalopram (its alias) before citalopram (a name two letters off, much in the text).
const EXACT_NAME_BONUS = 1;
// Two of the query's words next to each other in the prose count as much again as each of them.
const PAIR_WEIGHT = 1;
const PREFIX_WEIGHT = 0.6;
const MAX_PREFIX_TERMS = 12;
// Field codes up to this one are a drug's own names: name, brand, alias (PHRASE_FIELDS).
const NAME_FIELDS = PHRASE_FIELDS.indexOf('alias');

/** A query, worked out once for every library of a catalog. */
interface Query {
  phrase: string;
  /** The words that score: no stopwords, and no "pill" or "medicine" beside other words. */
  words: string[];
  /** Lay and side-effect words, each with the indexes of `words` it stands for. */
  terms: Array<{ written: string; lay: boolean; covers: number[]; targets: Array<{ field: PhraseField; words: string; exact: boolean }> }>;
  /** Runs of the query's words, for phrases in the prose (see runsIn), and their pairs. */
  runs: Run[];
  pairs: string[];
}

/** Where a drug's short-field score comes from: a phrase of the index, how well it matched, which query words it stands for. */
interface Evidence {
  phrase: number;
  quality: number;
  covers: number[];
  /** Only postings of this field count (a lay word's class is not its use). */
  field?: number;
  via?: string;
}

/**
 * Ranks drugs for a free-text query: typo-tolerant matching on short fields
 * (names, brands, aliases, classes, uses, side effects), lay words read as the
 * library's terms (lay-terms.ts), and an inverted index over the monographs'
 * prose (whole words, word prefixes and pairs of neighbouring words). The
 * query found together in one field outranks its words found apart; see
 * docs/search.md. Ties are broken by slug, so the same query always gives the
 * same list, and a smaller limit only cuts it.
 */
export function searchReport(catalog: Catalog, text: string, limit: number): SearchResults {
  const query = prepare(catalog, text);
  if (!query) return { hits: [], total: 0, unmatched: [] };
  const hits = new Map<string, SearchHit>();
  const meant = new Set<string>();
  let total = 0;
  catalog.forEach((library, rank) => {
    const scored = scoreLibrary(library, query);
    for (const word of scored.meant) meant.add(word);
    // A drug that a library earlier in the catalog also holds is that library's to answer for:
    // its brands and text, not the replaced monograph's. Each library's best `limit + hits` are enough.
    // Found in the earlier libraries' slug lists, already loaded: a name look-up each could read a file each.
    const earlier = catalog.slice(0, rank).map((other) => listsOf(other.phrases()).slugs);
    const replaced = (slug: string) => earlier.some((slugs) => indexOfPhrase(slugs, slug) !== -1);
    // The first library's matches all count: at tens of thousands of them, a look-up each in no list cost milliseconds.
    if (earlier.length === 0) total += scored.matching.length;
    else for (const drug of scored.matching) if (!replaced(scored.slugs.at(drug))) total++;
    for (let wanted = limit + hits.size; ; ) {
      const best = topDrugs(scored.scores, scored.matching, wanted);
      let skipped = 0;
      for (const drug of best) {
        const slug = scored.slugs.at(drug);
        if (replaced(slug)) skipped++;
        else if (!hits.has(slug)) hits.set(slug, { slug, score: scored.scores[drug]!, matched: scored.matchesOf(drug) });
      }
      if (skipped === 0 || best.length < wanted) break;
      wanted += skipped;
    }
  });
  return {
    hits: [...hits.values()].sort(byScore).slice(0, limit),
    total,
    unmatched: query.terms
      .filter((term) => term.lay && !meant.has(term.written))
      .map((term) => ({ written: term.written, means: [...new Set(term.targets.map((target) => target.words))] })),
  };
}

/** The best `limit` drugs for a query (see searchReport). */
export function searchCatalog(catalog: Catalog, query: string, limit: number): SearchHit[] {
  return searchReport(catalog, query, limit).hits;
}

function prepare(catalog: Catalog, text: string): Query | undefined {
  const phrase = nameKey(text);
  if (!phrase) return undefined;
  const all = [...new Set(wordsOf(text))];
  const kept = all.filter((word) => !isMedicineWord(word));
  const words = kept.length > 0 ? kept : all;
  const found = termsOf(all, termLookupOf(catalog));
  const effectTerms = found.some((term) => term.effects) ? effectVocabulary(catalog) : {};
  const terms = found.map((term) => ({
    written: term.written,
    lay: term.lay,
    covers: all.slice(term.start, term.end).map((word) => words.indexOf(word)).filter((at) => at !== -1),
    targets: [
      ...(term.classes ?? []).map((tag) => ({ field: 'class' as const, words: nameKey(tag), exact: true })),
      ...(term.uses ?? []).map((use) => ({ field: 'use' as const, words: nameKey(use), exact: false })),
      // An effect is looked for as its term and every synonym: "sleepiness" finds somnolence.
      ...(term.effects ?? [])
        .flatMap((effect) => [effect, ...(effectTerms[effect] ?? [])])
        .map((effect) => ({ field: 'side effect' as const, words: nameKey(effect), exact: false })),
    ],
  }));
  const runs = runsIn(phrase);
  const pairs = [...new Set(runs.flatMap(({ words: run }) => run.slice(1).map((word, i) => pairKey(run[i]!, word))))];
  return { phrase, words, terms, runs, pairs };
}

function byScore(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

function scoreLibrary(library: LibraryReader, query: Query) {
  const index = library.phrases();
  const { phrases, slugs } = listsOf(index);
  const count = slugs.length;
  const { words } = query;
  const n = words.length;
  // The best match of the whole query, and of each word alone, per drug.
  const whole = new Float64Array(count);
  const byWord = words.map(() => new Float64Array(count));
  const evidence: Evidence[] = [];
  const meant = new Set<string>();
  // The drugs a short field or the exact name matched: only they need their words added up, not every drug of the library.
  const touched: number[] = [];
  const seen = new Uint8Array(count);
  const exactName = new Uint8Array(count);
  const credit = (found: Evidence): boolean => {
    evidence.push(found);
    let any = false;
    forEachPosting(index, found.phrase, (drug, code) => {
      if (found.field !== undefined && code !== found.field) return;
      any = true;
      if (!seen[drug]) touched.push(drug);
      seen[drug] = 1;
      const value = found.quality * FIELD_WEIGHT[PHRASE_FIELDS[code]!];
      if (found.covers.length === n) whole[drug] = Math.max(whole[drug]!, value);
      else for (const word of found.covers) byWord[word]![drug] = Math.max(byWord[word]![drug]!, value);
    });
    return any;
  };

  const all = words.map((_, i) => i);
  for (const hit of typos(phrases, query.phrase)) credit({ phrase: hit.index, quality: hit.quality, covers: all });
  const exact = indexOfPhrase(phrases, query.phrase);
  if (exact !== -1) {
    forEachPosting(index, exact, (drug, code) => {
      if (code > NAME_FIELDS) return;
      exactName[drug] = 1;
      if (!seen[drug]) touched.push(drug);
      seen[drug] = 1;
    });
  }
  if (!(n === 1 && words[0] === query.phrase)) {
    words.forEach((word, i) => {
      for (const hit of typos(phrases, word)) credit({ phrase: hit.index, quality: hit.quality, covers: [i] });
    });
  }
  for (const term of query.terms) {
    for (const target of term.targets) {
      const field = PHRASE_FIELDS.indexOf(target.field);
      const found = target.exact ? [indexOfPhrase(phrases, target.words)].filter((at) => at !== -1) : phrasesContaining(phrases, target.words);
      for (const phrase of found) {
        const via = target.words === nameKey(term.written) ? undefined : term.written;
        if (credit({ phrase, quality: 1, covers: term.covers, field, via })) meant.add(term.written);
      }
    }
  }

  // Each drug's best short-field match: the whole query, or its words found apart.
  if (n > 1) addApart(touched, byWord, whole);
  const prose = proseScores(library, query);
  const scores = prose.scores;
  // Where most drugs matched, one pass over all of them in order is faster than a list of them.
  const candidates = touched.length + prose.drugs.length > count / 4 ? everyDrug(count) : union(touched, prose.drugs, seen);
  const matching = combine(candidates, whole, scores, prose.best > 0 ? 1 / prose.best : 0, exactName);

  /** What matched, best first, for the drugs shown: a class can name thousands. */
  const matchesOf = (drug: number): SearchMatch[] => {
    const found: Array<SearchMatch & { weight: number }> = [];
    for (const item of evidence) {
      forEachFieldOf(index, item.phrase, drug, (code) => {
        if (item.field !== undefined && code !== item.field) return;
        const field = PHRASE_FIELDS[code]!;
        const weight = item.quality * FIELD_WEIGHT[field] * (item.covers.length === n ? 1 : SCATTERED / n);
        found.push({ field, value: phrases.at(item.phrase), ...(item.via ? { via: item.via } : {}), weight });
      });
    }
    // Sorting is stable: of equal matches, the query's own (found first) comes before a lay word's.
    found.sort((a, b) => b.weight - a.weight);
    const seen = new Set<string>();
    const matched: SearchMatch[] = [];
    for (const { weight: _, ...match } of found) {
      const key = `${match.field}\t${match.value}`;
      if (!seen.has(key)) matched.push(match);
      seen.add(key);
    }
    for (const value of prose.foundIn(drug)) matched.push({ field: 'text', value });
    return matched;
  };
  return { slugs, scores, matching, matchesOf, meant };
}

/**
 * Each candidate's score, written over its prose score: the short-field match,
 * the scaled prose and the exact-name bonus. Returns the drugs that scored, in
 * no particular order. Every other drug has no match at all, so it scores 0.
 */
function combine(candidates: ArrayLike<number> & Iterable<number>, whole: Float64Array, scores: Float64Array, scale: number, exactName: Uint8Array): number[] {
  // A loop in a function of its own: a hot loop gets its function optimized, and a
  // process waits at exit for the optimizing compiler to finish (scoreLibrary took ~20 ms).
  const matching: number[] = [];
  for (const drug of candidates) {
    const score = whole[drug]! * SHORT_FIELD_FACTOR + scores[drug]! * scale + (exactName[drug] ? EXACT_NAME_BONUS : 0);
    // Rounded before ranking: a score shown as a tie is ranked as one, by slug.
    scores[drug] = score > 0 ? round(score) : 0;
    if (score > 0) matching.push(drug);
  }
  return matching;
}

/** Each drug's words found apart, as a share of finding them together, where that beats its `whole` match. */
function addApart(drugs: readonly number[], byWord: readonly Float64Array[], whole: Float64Array): void {
  for (const drug of drugs) {
    let apart = 0;
    for (const word of byWord) apart += word[drug]!;
    whole[drug] = Math.max(whole[drug]!, (SCATTERED * apart) / byWord.length);
  }
}

function everyDrug(count: number): Uint32Array {
  const drugs = new Uint32Array(count);
  for (let drug = 0; drug < count; drug++) drugs[drug] = drug;
  return drugs;
}

/** `first` with the drugs of `second` that `inFirst` does not mark added (a loop of its own, as combine's). */
function union(first: number[], second: readonly number[], inFirst: Uint8Array): number[] {
  for (const drug of second) if (!inFirst[drug]) first.push(drug);
  return first;
}

function typos(phrases: PhraseList, query: string) {
  return fuzzyMatch(phrases, query, { maxEdits: typoBudget(query.length) });
}

/**
 * The `limit` of `drugs` with the highest positive scores, best first; ties go to
 * the lower index, which is slug order, so the same query always ranks the same
 * way, whatever order `drugs` come in.
 */
function topDrugs(scores: Float64Array, drugs: readonly number[], limit: number): number[] {
  const top: number[] = [];
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const drug of drugs) {
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

interface Postings {
  term: string;
  list: string;
  width: number;
}

/**
 * BM25 over the prose, words and pairs of neighbouring words, one entry per
 * drug, and the best of them (to scale the best drug's prose to 1). `foundIn` says what of the
 * query a drug's prose has: its phrases (runs of words found as pairs), then
 * its other words, each as the prose spells it ("spasms" for "spasm").
 */
function proseScores(library: LibraryReader, query: Query): { scores: Float64Array; drugs: number[]; best: number; foundIn: (drug: number) => string[] } {
  const meta = library.proseMeta();
  const n = meta.lengths.length / meta.width;
  const scores = new Float64Array(n);
  const drugs: number[] = [];
  const manifest = library.manifest();
  let best = 0;
  const add = (list: string, width: number, weight: number) => {
    best = Math.max(best, addBm25(scores, drugs, meta, list, width, weight));
  };
  const byWord = query.words.map((word) => {
    const found: Postings[] = [];
    for (const [term, weight] of expand(meta.vocabulary, word)) {
      const postings = shardPostings(library.proseShard(shardOf(term, manifest.proseShards)), term);
      if (!postings) continue;
      add(postings.list, postings.width, weight);
      found.push({ term, ...postings });
    }
    return found;
  });
  const pairs = new Map<string, Postings>();
  for (const pair of query.pairs) {
    const found = shardPostings(library.pairShard(shardOf(pair, manifest.pairShards)), pair);
    if (!found) continue;
    add(found.list, found.width, PAIR_WEIGHT);
    pairs.set(pair, { term: pair, ...found });
  }

  const foundIn = (drug: number): string[] => {
    const has = (postings: Postings | undefined) => postings !== undefined && holds(postings, drug);
    const phrases: string[] = [];
    const inPhrase = new Set<string>();
    for (const { words: run, starts } of query.runs) {
      for (let i = 0; i + 1 < run.length; i++) {
        let end = i;
        while (end + 1 < run.length && has(pairs.get(pairKey(run[end]!, run[end + 1]!)))) end++;
        const words = run.slice(i, end + 1);
        // A phrase of stopwords alone ("of the") says nothing.
        if (end > i && words.some((word) => query.words.includes(word))) {
          // As typed: "john's wort", not "john s wort".
          phrases.push(query.phrase.slice(starts[i], starts[end]! + run[end]!.length));
          for (const word of words) inPhrase.add(word);
        }
        i = Math.max(i, end - 1);
      }
    }
    const alone = query.words.flatMap((word, i) => (inPhrase.has(word) ? [] : byWord[i]!.filter((postings) => holds(postings, drug)).slice(0, 1).map((postings) => postings.term)));
    return [...phrases, ...alone];
  };
  return { scores, drugs, best, foundIn };
}

// The loops over postings and drugs are functions of their own for the reason combine gives.

/**
 * Adds BM25 for one word's postings (drug, count, ... packed) to each drug's
 * score, and a drug scored for the first time to `drugs`. Returns the highest
 * score it left: scores only grow, so the highest of these is the best drug's.
 */
function addBm25(scores: Float64Array, drugs: number[], meta: ProseMeta, list: string, width: number, weight: number): number {
  const n = scores.length;
  let best = 0;
  const df = list.length / width / 2;
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  for (let i = 0; i < df; i++) {
    const drug = packedAt(list, 2 * i, width);
    const tf = packedAt(list, 2 * i + 1, width);
    const len = packedAt(meta.lengths, drug, meta.width);
    const bm25 = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / meta.averageLength));
    if (scores[drug] === 0) drugs.push(drug);
    scores[drug] = scores[drug]! + bm25 * weight;
    if (scores[drug]! > best) best = scores[drug]!;
  }
  return best;
}

/** Whether a posting list (drug, count, ... in drug order) holds the drug. */
function holds({ list, width }: Postings, drug: number): boolean {
  let lo = 0;
  let hi = list.length / width / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (packedAt(list, 2 * mid, width) < drug) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length / width / 2 && packedAt(list, 2 * lo, width) === drug;
}

/** The word itself, and words it is the start of ("spasm" → "spasms", "spasmodic"). */
function expand(vocabulary: string, word: string): Array<[string, number]> {
  return wordsStarting(vocabulary, word, MAX_PREFIX_TERMS + 1)
    .map((found): [string, number] => [found, found === word ? 1 : word.length >= 4 ? PREFIX_WEIGHT : 0])
    .filter(([, weight]) => weight > 0);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
