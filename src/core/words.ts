import { nameKey } from './names.js';

// Words too common in monograph prose to say anything about a drug.
const STOPWORDS = new Set(
  'a an and are as at be been but by can do does for from has have how if in into is it its may more most no not of on or so some such than that the their them then there these they this to was were what when which while who will with you your'.split(
    ' ',
  ),
);

/** Splits text into the lower-case, accent-free words the search index stores. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of nameKey(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 2 && !STOPWORDS.has(word)) words.push(word);
  }
  return words;
}
