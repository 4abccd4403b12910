/**
 * Optimal-string-alignment distance: inserting, deleting or changing a letter,
 * or swapping two neighbours ("ambein" → "ambien"), each costs 1. Past `max`
 * it stops early and returns some number above `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      rowBest = Math.min(rowBest, best);
    }
    // Distances never shrink from one row to the next (a swap looks back two rows, hence the + 1).
    if (rowBest > max + 1) return rowBest;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** 1 - distance / length, or 0 past `maxEdits`; anything not above `floor` may come back as any value not above it. */
function similarity(a: string, b: string, floor: number, maxEdits: number): number {
  const length = Math.max(a.length, b.length, 1);
  const max = Math.min(Math.floor((1 - floor) * length), maxEdits);
  const distance = editDistance(a, b, max);
  return distance > maxEdits ? 0 : 1 - distance / length;
}

// A typed start of a word ("gaba" for gabapentin) counts, but below a whole-word match.
const MIN_PREFIX = 4;

/**
 * How close a typed query is to a phrase, from 1 (the same) towards 0: the
 * query against the whole phrase, against each run of as many of its words,
 * and against the start of a longer word. Unlike a substring search, "forums"
 * is not close to "metformin", nor "baclofin" to "duraclon". `maxEdits`
 * caps the typos allowed against any one text, whatever its length.
 */
export function closeness(query: string, phrase: string, floor = 0, maxEdits = Infinity): number {
  let best = floor;
  const consider = (text: string, factor = 1) => {
    // The length difference alone bounds how similar two texts can be: skip what cannot win.
    if ((1 - Math.abs(query.length - text.length) / Math.max(query.length, text.length, 1)) * factor <= best) return;
    best = Math.max(best, similarity(query, text, best / factor, maxEdits) * factor);
  };
  consider(phrase);
  const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const span = query.split(' ').length;
  for (let i = 0; i + span <= words.length && best < 1; i++) {
    const window = words.slice(i, i + span).join(' ');
    consider(window);
    if (query.length >= MIN_PREFIX && window.length > query.length) {
      consider(window.slice(0, query.length), 0.5 + (0.4 * query.length) / window.length);
    }
  }
  return best > floor ? best : 0;
}
