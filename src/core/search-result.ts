import type { SearchRow } from '../library/library-format.js';
import { nameKey } from './names.js';
import { isWordChar } from './words.js';
import type { SearchHit, SearchMatch } from './search.js';

/** A search hit as shown to the user: the drug's name, matches in their written form, and a snippet. */
export interface SearchResult extends SearchHit {
  name: string;
  snippet: string;
}

/** Completes a hit from its drug's row (read only for the hits that are shown). */
export function presentHit(hit: SearchHit, row: SearchRow, words: readonly string[]): SearchResult {
  const phrases = hit.matched.filter((match) => match.field === 'text' && match.value.includes(' ')).map((match) => match.value);
  return {
    slug: hit.slug,
    name: row.name,
    score: hit.score,
    matched: distinct(hit.matched.map((match) => displayMatch(match, row))),
    snippet: snippetFor(row, words, phrases),
  };
}

/** The slug and the name both match as `name`, shown once: the drug's name. */
function distinct(matches: SearchMatch[]): SearchMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    const key = `${match.field}\t${match.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A match as the monograph writes it: "Lioresal", "frequent heartburn (over-the-counter, 14-day course)". Classes stay as their tags' words. */
function displayMatch(match: SearchMatch, drug: SearchRow): SearchMatch {
  if (match.field === 'name') return { ...match, value: drug.name };
  const pool =
    match.field === 'brand'
      ? drug.brands
      : match.field === 'alias'
        ? drug.aliases
        : match.field === 'use'
          ? drug.uses
          : match.field === 'side effect'
            ? drug.effects
            : [];
  return { ...match, value: pool.find((name) => nameKey(name) === match.value) ?? match.value };
}

const MAX_LENGTH = 110;

/**
 * A short excerpt of the monograph for a search result: the first sentence
 * that contains one of `phrases` (the query's words found together), else
 * the first that contains one of the query's words (or a word they start),
 * otherwise the first sentence of the monograph.
 */
export function snippetFor(row: SearchRow, words: readonly string[], phrases: readonly string[] = []): string {
  // No regular expression: compiling one with Unicode classes for each query costs more than the search.
  for (const texts of [phrases, words]) {
    if (texts.length === 0) continue;
    for (const sentence of row.sentences) {
      const key = nameKey(sentence);
      if (texts.some((text) => startsAWord(key, text))) return shorten(sentence);
    }
  }
  for (const sentence of row.sentences) return shorten(sentence);
  return shorten(row.uses.join(', '));
}

/** Whether `text` has `phrase` at the start of a word. */
function startsAWord(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) if (!isWordChar(text[at - 1])) return true;
  return false;
}

function shorten(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}
