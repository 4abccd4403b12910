// Three rows of the distance table, kept between calls: a search scores a hundred phrases or more,
// and fresh arrays for each cost more than the arithmetic.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/**
 * Optimal-string-alignment distance: inserting, deleting or changing a letter,
 * or swapping two neighbours ("ambein" → "ambien"), each costs 1. Past `max`
 * it stops early and returns some number above `max`; with a `max`, only the
 * band of the table within `max` of its diagonal is worked out, since a path
 * that leaves it costs more than `max` already.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  const apart = m > n ? m - n : n - m;
  if (apart > max) return apart;
  if (max < Infinity) {
    const unshared = bagDistance(a, b);
    if (unshared > max) return unshared;
  }
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, previous, current] = rows;
  const band = max < m + n ? max : m + n;
  // Outside the band, and the most any cell needs to say: "more than max".
  const far = band + 1;
  for (let j = 0; j <= n; j++) previous[j] = j <= band ? j : far;
  for (let i = 1; i <= m; i++) {
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < n ? i + band : n;
    current[lo - 1] = lo === 1 ? i : far;
    let rowBest = current[lo - 1]!;
    const letter = a.charCodeAt(i - 1);
    const last = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const other = b.charCodeAt(j - 1);
      let best = previous[j - 1]! + (letter === other ? 0 : 1);
      const deleted = previous[j]! + 1;
      if (deleted < best) best = deleted;
      const inserted = current[j - 1]! + 1;
      if (inserted < best) best = inserted;
      if (j > 1 && letter === b.charCodeAt(j - 2) && last === other) {
        const swapped = before[j - 2]! + 1;
        if (swapped < best) best = swapped;
      }
      if (best > far) best = far;
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    // The next row reads one cell further right than this row wrote.
    if (hi < n) current[hi + 1] = far;
    // Distances never shrink from one row to the next (a swap looks back two rows, hence the + 1).
    if (rowBest > max + 1) return rowBest;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n]!;
}

const tally = new Int32Array(128);

/**
 * The letters of one text not matched by a letter of the other, counted as
 * bags (the larger side): no edit mends more than one of them, so it is at most
 * the edit distance, and it costs a pass over each text instead of a table.
 * Letters are tallied by their code's last seven bits; two letters that share
 * them count as matched, which only lowers the bound.
 */
function bagDistance(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) tally[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) tally[b.charCodeAt(i) & 127]!--;
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const slot = a.charCodeAt(i) & 127;
    const left = tally[slot]!;
    if (left > 0) extra += left;
    else if (left < 0) missing -= left;
    tally[slot] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const slot = b.charCodeAt(i) & 127;
    const left = tally[slot]!;
    if (left < 0) missing -= left;
    tally[slot] = 0;
  }
  return extra > missing ? extra : missing;
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
