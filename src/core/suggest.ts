import type { LibraryReader } from '../library/library-reader.js';
import { forEachPosting } from '../library/library-format.js';
import { closeness, editDistance } from './closeness.js';
import { candidatesFor } from './fuzzy.js';
import { listsOf } from './phrase-list.js';

/**
 * How a name that was not found relates to a phrase of the names index:
 * - `typo`: the same name, a letter or two wrong ("baclofin", "ambein");
 * - `completion`: the start of the name, or its first words ("gaba", "toprol" for Toprol-XL);
 * - `longer`: the name, then more words ("metoprolol xl");
 * - `part`: the name with a few letters in front that make it another drug
 *   ("citalopram" in "S-citalopram" and "escitalopram");
 * - `start`: only the first letters are the same ("hydrocodone", "hydroxyzine").
 * The first three are what the user may have meant; the others are different drugs.
 */
export type NameRelation = 'typo' | 'completion' | 'longer' | 'part' | 'start';

/** A phrase of a library's names index that came near a name that was not found. */
export interface NameCandidate {
  slug: string;
  /** The library whose index holds the phrase (and the drug's record with its written form). */
  library: LibraryReader;
  /** The phrase, as a name key. */
  phrase: string;
  /** 0 name, 1 brand, 2 alias (PHRASE_FIELDS), or LOOK_ALIKE_FIELD. */
  field: number;
  relation: NameRelation;
  /** Letters wrong; for `start`, minus the letters shared. Lower is nearer. */
  distance: number;
}

// The names index phrases that share the most three-letter pieces with what was typed: enough to find the few near ones.
const MAX_CANDIDATES = 30;
// Names up to this long are looked for again with two letters swapped back when nothing near was found.
const MAX_SWAPPED = 10;
// Fewer shared first letters than this is chance ("hy" in hydralazine and hyoscine).
const MIN_SHARED_START = 4;
// At most this many letters in front of a name make it another drug: "S-", "es", "levo", "dex".
const MAX_HEAD = 4;
// Names that start alike are near when at most this share of their letters differs ("hydrocodone", "hydroxyzine").
const START_LOOSENESS = 0.4;

/** The most letters a typo of a name this long may get wrong: none up to 3 letters, one up to 7, two beyond. */
export function typoAllowance(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

/**
 * Every phrase of the catalog's names indexes (names, brands, aliases and
 * look-alike names) that is near `key`, a name key that did not resolve,
 * with how it is near (see NameRelation). Far-off phrases are left out: the
 * phrases sharing the most three-letter pieces with `key` are the candidates,
 * and classifyName keeps only those within a typo allowance that grows with
 * the length of the name.
 */
export function nameCandidates(catalog: readonly LibraryReader[], key: string): NameCandidate[] {
  const found = collect(catalog, [key], key);
  if (found.some((candidate) => candidate.relation !== 'part' && candidate.relation !== 'start') || key.includes(' ') || key.length > MAX_SWAPPED) return found;
  // Two letters swapped in a short name leave it no three-letter piece in common ("mortin", "motrin"):
  // look again with each pair swapped back.
  const swapped = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) swapped.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
  swapped.delete(key);
  return collect(catalog, [key, ...swapped], key);
}

/** The near phrases among the candidates for each of `pieces`, classified against `key`. */
function collect(catalog: readonly LibraryReader[], pieces: readonly string[], key: string): NameCandidate[] {
  const found: NameCandidate[] = [];
  for (const library of catalog) {
    const index = library.namePhrases();
    const { phrases, slugs } = listsOf(index);
    // classifyName is the judge: no typo scorer or Fuse is loaded for a miss.
    const candidates = new Set(pieces.flatMap((piece) => candidatesFor(phrases, piece, MAX_CANDIDATES)));
    for (const at of [...candidates].sort((a, b) => a - b)) {
      const phrase = phrases.at(at);
      const near = classifyName(key, phrase);
      if (!near) continue;
      forEachPosting(index, at, (drug, field) => {
        found.push({ slug: slugs.at(drug), library, phrase, field, ...near });
      });
    }
  }
  return found;
}

/** How `query` (a name key) is near `phrase` (a name key), or undefined when it is not. */
export function classifyName(query: string, phrase: string): { relation: NameRelation; distance: number } | undefined {
  const allowed = typoAllowance(query.length);
  const words = wordsOf(phrase);
  const typed = wordsOf(query);
  // Letters in front of all of what was typed make another drug, however few the letters wrong.
  const relationTo = (text: string, relation: NameRelation): NameRelation => (addedHead(query, text) >= 2 ? 'part' : relation);
  // As many words as the phrase: each word is held to its own slips ("tylenol xx" is not Tylenol PM);
  // otherwise the letters as a whole, for a space typed or left out ("toprolxl").
  const whole = typed.length === words.length ? wordsDistance(typed, words, false) : editDistance(query, phrase, allowed);
  if (whole <= allowed) return { relation: relationTo(phrase, 'typo'), distance: whole };

  let best: { relation: NameRelation; distance: number } | undefined;
  const consider = (relation: NameRelation | undefined, distance: number) => {
    if (relation && distance <= allowed && (!best || distance < best.distance)) best = { relation, distance };
  };
  for (let i = 0; i + typed.length <= words.length; i++) {
    const window = words.slice(i, i + typed.length);
    const head = words.slice(0, i).join('').length;
    // The first words of a name are the name ("Toprol" of Toprol-XL); its last words are another drug
    // after a short head ("citalopram" of S-citalopram), and nothing after a long one ("calcium" of atorvastatin calcium).
    const part = head <= MAX_HEAD && i + typed.length === words.length;
    consider(i === 0 ? relationTo(window.join(' '), 'completion') : part ? 'part' : undefined, wordsDistance(typed, window, true));
  }
  // The whole name and then more words ("metoprolol xl"): the name was typed.
  if (typed.length > words.length && words.length > 0) consider('longer', wordsDistance(typed.slice(0, words.length), words, false));
  if (best) return best;
  // Names that only start alike: the same first letters, parting within the first word, and not much
  // more different than a loose typo. A whole first word in common ("toprol x") is not a different drug's.
  const first = words[0] ?? '';
  const shared = sharedStart(query, first);
  const loose = Math.floor(START_LOOSENESS * Math.max(query.length, first.length));
  const alike = shared >= MIN_SHARED_START && shared < first.length && shared < (typed[0] ?? '').length;
  return alike && editDistance(query, first, loose) <= loose ? { relation: 'start', distance: -shared } : undefined;
}

/** How many letters one of the two has in front of all of the other ("es" + "citalopram"); 0 if that is not how they differ. */
function addedHead(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(short) ? long.length - short.length : 0;
}

/**
 * The letters wrong between typed words and as many words of a phrase, or
 * Infinity when a word is wrong by more than its own allowance ("xl" is not a
 * typo of "succinate"). Among several words, each may have one slip unless
 * both it and its match are one letter ("advil pn", "toprol-l"). With `asStart` the last word may be typed in
 * part ("tylenol p"), with fewer slips than a whole word: "gaba" is the start
 * of gabapentin, not of Gablofen; alone, it needs four letters.
 */
function wordsDistance(typed: readonly string[], words: readonly string[], asStart: boolean): number {
  let total = 0;
  typed.forEach((word, k) => {
    const target = words[k]!;
    const allowed = typed.length > 1 && Math.max(word.length, target.length) >= 2 ? Math.max(1, typoAllowance(word.length)) : typoAllowance(word.length);
    let distance = editDistance(word, target, allowed);
    const last = k === typed.length - 1;
    if (distance > allowed && asStart && last && target.length > word.length && (typed.length > 1 || word.length >= MIN_SHARED_START)) {
      const startAllowed = word.length >= MIN_SHARED_START ? typoAllowance(word.length - 2) : 0;
      const start = startDistance(word, target, startAllowed);
      if (start <= startAllowed) distance = start;
    }
    total += distance > allowed ? Infinity : distance;
  });
  return total;
}

/** The distance from `word` to the nearest start of `target` ("gabapen" → "gabapentin" is 0). */
function startDistance(word: string, target: string, max: number): number {
  let best = max + 1;
  for (let length = Math.max(1, word.length - max); length <= Math.min(target.length, word.length + max); length++) {
    best = Math.min(best, editDistance(word, target.slice(0, length), max));
  }
  return best;
}

function wordsOf(key: string): string[] {
  return key.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

// For short word lists: a suggestion much further from what was typed than the best one only adds noise.
const MIN_QUALITY = 0.6;
const MAX_BEHIND_BEST = 0.15;

/**
 * Up to `limit` of `candidates` (command names, class tags) that look like
 * `typed`, best first, for "did you mean", over a short list held in memory.
 * Drug names have rules of their own (nameCandidates, classifyName).
 */
export function suggestWords(candidates: readonly string[], typed: string, limit: number): string[] {
  const scored = candidates.map((word) => ({ word, quality: closeness(typed, word) })).filter((s) => s.quality >= MIN_QUALITY);
  const best = Math.max(0, ...scored.map((s) => s.quality));
  return scored
    .filter((s) => s.quality >= best - MAX_BEHIND_BEST)
    .sort((a, b) => b.quality - a.quality || (a.word < b.word ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.word);
}
