/**
 * The short phrases of a library as one newline-separated string, as the
 * index stores them: one string parses faster than tens of thousands, and
 * `indexOf` over it finds a three-letter piece in every phrase at once.
 */
export class PhraseList {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  get length(): number {
    return this.text === '' ? 0 : this.starts.length;
  }

  at(index: number): string {
    const end = index + 1 < this.starts.length ? this.starts[index + 1]! - 1 : this.text.length;
    return this.text.slice(this.starts[index], end);
  }

  /** The index of the phrase that contains character `offset` of the text. */
  indexOfOffset(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const lists = new WeakMap<object, PhraseList>();

/** One PhraseList per loaded index, however many look-ups a command makes. */
export function phraseListOf(index: { text: string }): PhraseList {
  let list = lists.get(index);
  if (!list) lists.set(index, (list = new PhraseList(index.text)));
  return list;
}
