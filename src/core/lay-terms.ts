import type { Catalog } from './catalog.js';
import type { EffectTerms } from './effects.js';
import { singular, wordsOf } from './words.js';

/** What a word people use at the counter means in the library's own terms (data/lay-terms.yaml). */
export interface LayMeaning {
  /** Other ways of saying the same thing. */
  also?: string[];
  /** Class tags: a drug with one of them is what the word means. */
  classes?: string[];
  /** Words a drug's use contains, as whole words. */
  uses?: string[];
  /** Terms of the side-effect vocabulary (data/effect-terms.yaml). */
  effects?: string[];
}

/** The lay vocabulary: the word as people say it → what it means. */
export type LayTerms = Readonly<Record<string, LayMeaning>>;

// To the lay vocabulary these are one word: "blood pressure medicine" is "blood pressure pill".
const MEDICINE_WORDS = new Set(['pill', 'tablet', 'capsule', 'medicine', 'medication', 'med', 'drug']);

function foldWord(word: string): string {
  const one = singular(word);
  return MEDICINE_WORDS.has(one) ? 'pill' : one;
}

/** Whether a word only says "a medicine": pill, tablets, meds, drug... */
export function isMedicineWord(word: string): boolean {
  return MEDICINE_WORDS.has(singular(word));
}

/**
 * The key a lay word is looked up by: its words (wordsOf: no stopwords),
 * each singular, and each word for a medicine read as "pill", so "blood
 * thinners" is "blood thinner" and "sleeping tablets" is "sleeping pill".
 */
export function layKey(text: string): string {
  return wordsOf(text).map(foldWord).join(' ');
}

/**
 * A word of the lay or side-effect vocabulary, by its key (layKey), as
 * `search/terms.txt` stores them: worked out when the library is compiled,
 * so a search looks its words up instead of folding every word of both
 * vocabularies first.
 */
export interface TermEntry {
  /** The vocabulary's own spelling: "blood thinner" for "blood thinners", "pain reliever" as it is. */
  written: string;
  /** From the lay vocabulary, rather than a side effect's term or synonym. */
  lay: boolean;
  classes?: string[];
  uses?: string[];
  /** Terms of the side-effect vocabulary. */
  effects?: string[];
}
export type TermIndex = Readonly<Record<string, TermEntry>>;

/** Every word of both vocabularies by its key (lay-terms.yaml may not repeat a word of effect-terms.yaml). */
export function termIndex(lay: LayTerms, effectTerms: EffectTerms): Record<string, TermEntry> {
  const index: Record<string, TermEntry> = {};
  for (const [term, synonyms] of Object.entries(effectTerms)) {
    for (const word of [term, ...synonyms]) index[layKey(word)] = { written: word, lay: false, effects: [term] };
  }
  for (const [term, { also, ...meaning }] of Object.entries(lay)) {
    for (const word of [term, ...(also ?? [])]) index[layKey(word)] = { written: word, lay: true, ...meaning };
  }
  delete index[''];
  return index;
}

/** Looks a key up in the lay and side-effect vocabularies. */
export type TermLookup = (key: string) => TermEntry | undefined;

/**
 * The catalog's vocabularies: the bundled library's, last in the catalog. A
 * user's library holds a copy made when it was compiled, which may be older.
 */
export function termLookupOf(catalog: Catalog): TermLookup {
  const bundled = catalog[catalog.length - 1];
  return (key) => bundled?.termEntry(key);
}

/** A lay or side-effect word found in a query. */
export interface QueryTerm extends TermEntry {
  /** Where it is in the query's words: words[start] up to, not including, words[end]. */
  start: number;
  end: number;
}

// The longest lay word, in words.
const MAX_WORDS = 6;

/**
 * The lay and side-effect words in a query's words (wordsOf), longest first,
 * left to right, none overlapping: "blood thinner side effects" has "blood
 * thinner"; a word for a medicine right after a lay word is part of it
 * ("blood thinner pills").
 */
export function termsOf(words: readonly string[], lookUp: TermLookup): QueryTerm[] {
  const folded = words.map(foldWord);
  const found: QueryTerm[] = [];
  for (let start = 0; start < words.length; ) {
    let end = Math.min(words.length, start + MAX_WORDS);
    let entry: TermEntry | undefined;
    while (end > start && !(entry = lookUp(folded.slice(start, end).join(' ')))) end--;
    if (!entry) {
      start++;
      continue;
    }
    while (entry.lay && end < words.length && folded[end] === 'pill') end++;
    found.push({ ...entry, start, end });
    start = end;
  }
  return found;
}

/** The side effects a lay word stands for ("upset stomach": nausea and indigestion), if it stands for any. */
export function layEffects(lookUp: TermLookup, typed: string): { written: string; effects: string[] } | undefined {
  const entry = lookUp(layKey(typed));
  return entry?.lay && entry.effects?.length ? { written: entry.written, effects: entry.effects } : undefined;
}
