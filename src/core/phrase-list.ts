import { gramsOf, type PhraseIndex } from '../library/library-format.js';
import { packedAt, type PackedStrings } from '../library/packed.js';
import { isWordChar } from './words.js';

/**
 * A list of strings stored as one newline-joined string and packed start
 * offsets (see packed.ts): `indexOf` over the text finds a three-letter piece
 * in every string at once, and nothing is split or copied until asked for.
 */
export class PhraseList {
  readonly text: string;
  readonly length: number;
  private readonly starts: string;

  constructor(
    packed: PackedStrings,
    private readonly width: number,
    /** The strings (indexes, in order) that hold a three-letter piece, where an index of them was made (PhraseIndex.phrasesWith). */
    readonly holding?: (gram: string) => readonly number[],
  ) {
    this.text = packed.text;
    this.starts = packed.starts;
    this.length = packed.starts.length / width;
  }

  at(index: number): string {
    const end = index + 1 < this.length ? packedAt(this.starts, index + 1, this.width) - 1 : this.text.length;
    return this.text.slice(packedAt(this.starts, index, this.width), end);
  }

  /** The index of the string that contains character `offset` of the text. */
  indexOfOffset(offset: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (packedAt(this.starts, mid, this.width) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** The index of `phrase` in a sorted list, or -1. */
export function indexOfPhrase(list: PhraseList, phrase: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list.at(mid) < phrase) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list.at(lo) === phrase ? lo : -1;
}

/**
 * The indexes of the phrases that contain `words` (a name key) as whole
 * words, a plural "s" allowed after the last: "nausea" is in "nausea and
 * vomiting", "muscle spasm" in "muscle spasms", "pain" not in "painful".
 */
export function phrasesContaining(list: PhraseList, words: string): number[] {
  if (!words) return [];
  if (words.length >= 3 && list.holding) {
    // Only the phrases that hold every three-letter piece of the words can hold the words.
    const found: number[] = [];
    for (const at of holdingAll(list, gramsOf(words))) if (containsWords(list.at(at), words)) found.push(at);
    return found;
  }
  const found: number[] = [];
  const { text } = list;
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    if (!wordsAt(text, words, at)) continue;
    const index = list.indexOfOffset(at);
    if (found[found.length - 1] !== index) found.push(index);
  }
  return found;
}

/** Whether `words` stand in `text` at `at` as whole words, a plural "s" allowed after the last. */
function wordsAt(text: string, words: string, at: number): boolean {
  let end = at + words.length;
  if (text[end] === 's') end++;
  return !isWordChar(text[at - 1]) && !isWordChar(text[end]);
}

function containsWords(phrase: string, words: string): boolean {
  for (let at = phrase.indexOf(words); at !== -1; at = phrase.indexOf(words, at + 1)) if (wordsAt(phrase, words, at)) return true;
  return false;
}

/** The phrases (in order) that hold every one of `grams`: the lists intersected, shortest first. */
function holdingAll(list: PhraseList, grams: readonly string[]): readonly number[] {
  const lists = grams.map((gram) => list.holding!(gram)).sort((a, b) => a.length - b.length);
  let kept = lists[0] ?? [];
  for (const other of lists.slice(1)) {
    if (kept.length === 0) break;
    const next: number[] = [];
    let j = 0;
    for (const at of kept) {
      while (j < other.length && other[j]! < at) j++;
      if (other[j] === at) next.push(at);
    }
    kept = next;
  }
  return kept;
}

const lists = new WeakMap<PhraseIndex, { phrases: PhraseList; slugs: PhraseList }>();

/** The phrases and drug slugs of a loaded index, made once however many look-ups a command makes. */
export function listsOf(index: PhraseIndex): { phrases: PhraseList; slugs: PhraseList } {
  let found = lists.get(index);
  if (!found) {
    found = { phrases: new PhraseList(index.phrases, index.width, index.phrasesWith), slugs: new PhraseList(index.slugs, index.width) };
    lists.set(index, found);
  }
  return found;
}
