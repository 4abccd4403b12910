import type { Monograph } from './monograph.js';
import { nameKey } from './names.js';

const MAX_LENGTH = 110;

/**
 * A short excerpt of the monograph for a search result: the first sentence
 * that contains one of the query's words (or a word they start), otherwise
 * the first sentence of the monograph.
 */
export function snippetFor(monograph: Monograph, words: readonly string[]): string {
  const sentences = monograph.sections.flatMap((section) => plainText(section.markdown).split(/(?<=[.!?])\s+/));
  const found = sentences.find((sentence) => {
    const key = nameKey(sentence);
    return words.some((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}`, 'u').test(key));
  });
  return shorten(found ?? sentences[0] ?? monograph.uses.join(', '));
}

function plainText(markdown: string): string {
  return markdown
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
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
