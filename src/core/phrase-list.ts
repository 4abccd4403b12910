import type { PhraseIndex } from '../library/library-format.js';
import { packedAt, type PackedStrings } from '../library/packed.js';

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

const lists = new WeakMap<PhraseIndex, { phrases: PhraseList; slugs: PhraseList }>();

/** The phrases and drug slugs of a loaded index, made once however many look-ups a command makes. */
export function listsOf(index: PhraseIndex): { phrases: PhraseList; slugs: PhraseList } {
  let found = lists.get(index);
  if (!found) {
    found = { phrases: new PhraseList(index.phrases, index.width), slugs: new PhraseList(index.slugs, index.width) };
    lists.set(index, found);
  }
  return found;
}
