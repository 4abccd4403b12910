import type FuseConstructor from 'fuse.js';
import type { PhraseList } from './phrase-list.js';
import { closeness } from './closeness.js';
import { gramsOf } from '../library/library-format.js';

export interface FuzzyHit {
  /** Index into the phrase list. */
  index: number;
  /** 1 for a perfect match, falling towards 0. */
  quality: number;
}

export interface FuzzyOptions {
  /** Fuse's threshold: how loose a match it confirms. */
  threshold?: number;
  /** The least closeness (see closeness.ts) a hit must have. */
  minQuality?: number;
  /** How many phrases sharing the most three-letter pieces with the query are scored. */
  maxCandidates?: number;
  /** The most typos (see closeness.ts) allowed in a hit; typoBudget gives one by the query's length. */
  maxEdits?: number;
}

/** Below this closeness a phrase is not what the user typed, whatever Fuse thinks. */
export const MIN_QUALITY = 0.7;

/**
 * How many typos a query of this length may have and still be taken for a
 * word: none up to 4 letters (a typo there makes another word: "soma",
 * "some"), one up to 8, two up to 12, three beyond. "interaction" is three
 * edits from "injection" and "infection", so neither is a typo of it.
 */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : length <= 12 ? 2 : 3;
}

/**
 * Typo-tolerant matching of a query against short phrases (names, classes,
 * side effects), best first. Only phrases that share three-letter pieces with
 * the query are looked at, so the cost stays small at tens of thousands of
 * phrases; each is scored by how close the query is to whole words of it
 * (closeness.ts), and Fuse confirms the few that pass. Fuse alone finds the
 * query anywhere inside a phrase, even across words ("forums" in "metformin").
 */
export function fuzzyMatch(phrases: PhraseList, query: string, options: FuzzyOptions = {}): FuzzyHit[] {
  const { threshold = 0.34, minQuality = MIN_QUALITY, maxCandidates = 100, maxEdits = Infinity } = options;
  const candidates = candidatesFor(phrases, query, maxCandidates);
  const scored: FuzzyHit[] = [];
  for (const index of candidates) {
    // The floor lets closeness stop early on phrases that cannot reach minQuality.
    const quality = closeness(query, phrases.at(index), minQuality - 1e-9, maxEdits);
    if (quality >= minQuality) scored.push({ index, quality });
  }
  if (scored.length === 0) return [];
  // Fuse has the last word on what counts as a typo of the query; it only sees the few phrases left.
  // Loaded here, not at start-up: exact look-ups never need it.
  const Fuse = require('fuse.js/basic') as typeof FuseConstructor;
  const fuse = new Fuse(
    scored.map((hit) => phrases.at(hit.index)),
    { includeScore: true, ignoreLocation: true, threshold, isCaseSensitive: true, shouldSort: false, ignoreFieldNorm: true },
  );
  return fuse
    .search(query.slice(0, 32))
    .map((hit) => scored[hit.refIndex]!)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
}

/**
 * The phrases (indexes, in order) that share the most three-letter pieces with
 * the query, at most `max`: the only ones worth scoring as typos of it.
 */
export function candidatesFor(phrases: PhraseList, query: string, max: number): number[] {
  const grams = trigrams(query);
  if (grams.length === 0 || phrases.length === 0) return [];
  const needed = Math.max(1, Math.floor(grams.length / 3));
  const scored = query.length > 3 && phrases.holding ? countByIndex(phrases, grams, needed) : countInText(phrases, grams, needed);
  if (scored.length > max) {
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    scored.length = max;
  }
  return scored.map(([at]) => at).sort((a, b) => a - b);
}

/** [phrase, pieces shared] for the phrases sharing at least `needed` of the pieces, counted from the grams index. */
function countByIndex(phrases: PhraseList, grams: readonly string[], needed: number): Array<[number, number]> {
  const counts = new Uint16Array(phrases.length);
  const seen: number[] = [];
  for (const gram of grams) count(counts, seen, phrases.holding!(gram));
  return sharing(counts, seen, needed);
}

// The loops of countByIndex are functions of their own: a hot loop gets its whole function
// optimized, and a process waits at exit for the optimizing compiler, here with the grams index
// look-up it would take in (~13 ms at 10,000 drugs).
function count(counts: Uint16Array, seen: number[], holding: readonly number[]): void {
  for (const at of holding) {
    if (counts[at] === 0) seen.push(at);
    counts[at]!++;
  }
}

function sharing(counts: Uint16Array, seen: readonly number[], needed: number): Array<[number, number]> {
  const scored: Array<[number, number]> = [];
  for (const at of seen) if (counts[at]! >= needed) scored.push([at, counts[at]!]);
  return scored;
}

/** countByIndex by searching the phrases' text for each piece, for an index without a grams index and for pieces shorter than three letters. */
function countInText(phrases: PhraseList, grams: readonly string[], needed: number): Array<[number, number]> {
  const { text } = phrases;
  // Phrases are counted by where they start in the text, found by a native lastIndexOf, in a
  // number per character of the text: a Map entry per phrase cost more than the search.
  const counts = new Uint16Array(text.length + 1);
  const starts: number[] = [];
  for (const gram of grams) {
    let last = -1;
    for (let at = text.indexOf(gram); at !== -1; at = text.indexOf(gram, at + 1)) {
      const start = text.lastIndexOf('\n', at) + 1;
      if (start === last) continue;
      last = start;
      if (counts[start] === 0) starts.push(start);
      counts[start]!++;
    }
  }
  const scored: Array<[number, number]> = [];
  // Ordered by index as by start: the text keeps the phrases in order.
  for (const start of starts) if (counts[start]! >= needed) scored.push([phrases.indexOfOffset(start), counts[start]!]);
  return scored;
}

function trigrams(text: string): string[] {
  if (text.length <= 3) return text ? [text.slice(0, 2)] : [];
  return gramsOf(text);
}
