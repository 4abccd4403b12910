import type { Monograph } from './monograph.js';
import { nameKey } from './names.js';
import type { SearchHit, SearchMatch } from './search.js';

/** A search hit as shown to the user: the drug's name, matches in their written form, and a snippet. */
export interface SearchResult extends SearchHit {
  name: string;
  snippet: string;
}

/** Completes a hit from its drug's monograph (read only for the hits that are shown). */
export function presentHit(hit: SearchHit, monograph: Monograph, words: readonly string[]): SearchResult {
  return {
    slug: hit.slug,
    name: monograph.name,
    score: hit.score,
    matched: hit.matched.map((match) => displayMatch(match, monograph)),
    snippet: snippetFor(monograph, words),
  };
}

function displayMatch(match: SearchMatch, drug: Monograph): SearchMatch {
  if (match.field === 'name') return { field: 'name', value: drug.name };
  const pool = match.field === 'brand' ? drug.brands : match.field === 'alias' ? drug.aliases : [];
  return { field: match.field, value: pool.find((name) => nameKey(name) === match.value) ?? match.value };
}

const MAX_LENGTH = 110;

/**
 * A short excerpt of the monograph for a search result: the first sentence
 * that contains one of the query's words (or a word they start), otherwise
 * the first sentence of the monograph.
 */
export function snippetFor(monograph: Monograph, words: readonly string[]): string {
  const startOfWord = words.length > 0 ? new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escape).join('|')})`, 'u') : undefined;
  let first: string | undefined;
  for (const section of monograph.sections) {
    for (const sentence of plainText(section.markdown).split(/(?<=[.!?])\s+/)) {
      first ??= sentence;
      if (startOfWord?.test(nameKey(sentence))) return shorten(sentence);
    }
  }
  return shorten(first ?? monograph.uses.join(', '));
}

function plainText(markdown: string): string {
  return markdown
    // [ \t]* cannot run past its line: ^\s* could, which made this quadratic in blank lines.
    .replace(/^[ \t]*(?:[-*+]|\d+\.)(?=\s)/gm, '')
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 1).replace(/\s+\S*$/, '')}…`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
