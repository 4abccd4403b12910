import type { LibraryReader } from '../library/library-reader.js';
import { forEachPosting, LOOK_ALIKE_FIELD } from '../library/library-format.js';
import { editDistance } from './closeness.js';
import { candidatesFor } from './fuzzy.js';
import { listsOf } from './phrase-list.js';

/**
 * How a name that was not found relates to a phrase of the names index:
 * - `typo`: the same name, a letter or two wrong ("baclofin", "ambein");
 * - `completion`: the start of the name, or its first words ("gaba", "toprol" for Toprol-XL);
 * - `part`: the name with a few letters in front that make it another drug
 *   ("citalopram" in "S-citalopram" and "escitalopram");
 * - `start`: only the first letters are the same ("hydrocodone", "hydroxyzine").
 * The first two are what the user may have meant; the others are different drugs.
 */
export type NameRelation = 'typo' | 'completion' | 'part' | 'start';

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
  const found: NameCandidate[] = [];
  for (const library of catalog) {
    const index = library.namePhrases();
    const { phrases, slugs } = listsOf(index);
    // classifyName is the judge: no typo scorer or Fuse is loaded for a miss.
    for (const at of candidatesFor(phrases, key, MAX_CANDIDATES)) {
      const phrase = phrases.at(at);
      const near = classifyName(key, phrase);
      if (!near) continue;
      forEachPosting(index, at, (drug, field) => {
        // Classes, uses and effects are not in a names index; a damaged one could still hold them.
        if (field > 2 && field !== LOOK_ALIKE_FIELD) return;
        found.push({ slug: slugs.at(drug), library, phrase, field, ...near });
      });
    }
  }
  return found;
}

/** How `query` (a name key) is near `phrase` (a name key), or undefined when it is not. */
export function classifyName(query: string, phrase: string): { relation: NameRelation; distance: number } | undefined {
  const allowed = typoAllowance(query.length);
  // Letters in front of all of what was typed make another drug, however few the letters wrong.
  const relationTo = (text: string, relation: NameRelation): NameRelation => (addedHead(query, text) >= 2 ? 'part' : relation);
  const whole = editDistance(query, phrase, allowed);
  if (whole <= allowed) return { relation: relationTo(phrase, 'typo'), distance: whole };

  const words = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const span = query.split(' ').length;
  let best: { relation: NameRelation; distance: number } | undefined;
  const consider = (relation: NameRelation, distance: number) => {
    if (distance <= allowed && (!best || distance < best.distance)) best = { relation, distance };
  };
  for (let i = 0; i + span <= words.length; i++) {
    const window = words.slice(i, i + span).join(' ');
    const head = words.slice(0, i).join('').length;
    // The first words of a name are the name ("Toprol" of Toprol-XL); later words only with a short head ("citalopram" of S-citalopram).
    const relation = i === 0 ? relationTo(window, 'completion') : head <= MAX_HEAD ? 'part' : undefined;
    if (!relation) continue;
    consider(relation, editDistance(query, window, allowed));
    // A typed start is held to fewer slips than a whole name: "gaba" is the start of gabapentin, not of Gablofen.
    if (query.length >= MIN_SHARED_START && window.length > query.length) {
      const startAllowed = typoAllowance(query.length - 2);
      const start = startDistance(query, window, startAllowed);
      if (start <= startAllowed) consider(relation, start);
    }
  }
  if (best) return best;
  // Names that only start alike: the same first letters, and not much more different than a loose typo.
  const first = words[0] ?? '';
  const shared = sharedStart(query, first);
  const loose = Math.floor(START_LOOSENESS * Math.max(query.length, first.length));
  return shared >= MIN_SHARED_START && editDistance(query, first, loose) <= loose ? { relation: 'start', distance: -shared } : undefined;
}

/** How many letters one of the two has in front of all of the other ("es" + "citalopram"); 0 if that is not how they differ. */
function addedHead(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(short) ? long.length - short.length : 0;
}

/** The distance from `query` to the nearest start of `word` ("gabapen" → "gabapentin" is 0). */
function startDistance(query: string, word: string, max: number): number {
  let best = max + 1;
  for (let length = Math.max(1, query.length - max); length <= Math.min(word.length, query.length + max); length++) {
    best = Math.min(best, editDistance(query, word.slice(0, length), max));
  }
  return best;
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
