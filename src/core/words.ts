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

/** A word as phrases are compared: "spasms" is "spasm", "thinners" "thinner"; "glass" and "gas" stay. */
export function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Whether a character of a name key is part of a word: a letter or a digit (no regular expression: see runsIn). */
export function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  if ((char >= 'a' && char <= 'z') || (char >= '0' && char <= '9')) return true;
  return char > '\x7f' && char.toLowerCase() !== char.toUpperCase();
}

/** A run of words that stand together in a text, and where each starts in it. */
export interface Run {
  words: string[];
  starts: number[];
}

/**
 * A name key's runs of words: anything between two words but a space or an
 * apostrophe ends a run ("blood thinner" is one, "blood, thinner" two). The
 * words are split exactly as wordsOf splits them, with the same expression,
 * so it is compiled once per run of medinfo: compiling a Unicode-class
 * expression costs more than a search does.
 */
export function runsIn(key: string): Run[] {
  const runs: Run[] = [];
  let run: Run = { words: [], starts: [] };
  let at = 0;
  for (const word of key.split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const start = key.indexOf(word, at);
    if (run.words.length > 0 && !/^[ '’]*$/.test(key.slice(at, start))) {
      if (run.words.length > 1) runs.push(run);
      run = { words: [], starts: [] };
    }
    run.words.push(word);
    run.starts.push(start);
    at = start + word.length;
  }
  if (run.words.length > 1) runs.push(run);
  return runs;
}

/**
 * Prose as runs of words that stand together (runsIn), stopwords kept: a
 * list item, a heading or a paragraph ends a run as punctuation does, a line
 * break inside a paragraph does not. Two neighbours in a run are a pair
 * (pairKey) in the prose index, and a query's pairs are looked up there.
 */
export function phraseRuns(markdown: string): string[][] {
  const flowed = markdown.replace(/[*_`]+/g, '').replace(/\n(?=[ \t]*(?:[-*+][ \t]|\d+\.[ \t]|#|\n))/g, '.\n');
  return runsIn(nameKey(flowed)).map((run) => run.words);
}

/** The key of two neighbouring words in the pair index: both singular, so "muscle spasms" is "muscle spasm". */
export function pairKey(first: string, second: string): string {
  return `${singular(first)} ${singular(second)}`;
}
