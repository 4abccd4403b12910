import type { LibraryReader } from '../library/library-reader.js';
import { forEachPosting } from '../library/library-format.js';
import { closeness } from './closeness.js';
import { fuzzyMatch } from './fuzzy.js';
import { listsOf } from './phrase-list.js';

// A suggestion much further from what was typed than the best one only adds noise.
const MIN_QUALITY = 0.6;
const MAX_BEHIND_BEST = 0.15;
// Three names are shown; the phrases that share the most letters with the typo are enough to find them.
const MAX_CANDIDATES = 30;

/**
 * Up to `limit` drug names that look like `key` (a name key), best first, for
 * "did you mean". Each is printed as the drug's name, with the brand or alias
 * that matched when that is what the user seems to have meant.
 */
export function suggestNames(catalog: readonly LibraryReader[], key: string, limit: number): string[] {
  const scored = new Map<string, { label: string; quality: number }>();
  for (const library of catalog) {
    const index = library.namePhrases();
    const { phrases, slugs } = listsOf(index);
    for (const hit of fuzzyMatch(phrases, key, { threshold: 0.4, minQuality: MIN_QUALITY, maxCandidates: MAX_CANDIDATES })) {
      forEachPosting(index, hit.index, (drug, field) => {
        const slug = slugs.at(drug);
        const label = field === 0 ? slug : `${phrases.at(hit.index)} (${slug})`;
        const seen = scored.get(slug);
        if (!seen || hit.quality > seen.quality) scored.set(slug, { label, quality: hit.quality });
      });
    }
  }
  const best = Math.max(0, ...[...scored.values()].map((s) => s.quality));
  return [...scored.values()]
    .filter((s) => s.quality >= best - MAX_BEHIND_BEST)
    .sort((a, b) => b.quality - a.quality || (a.label < b.label ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.label);
}

/**
 * Up to `limit` of `candidates` (command names, class tags) that look like
 * `typed`, best first, for "did you mean": the same closeness and cut-offs as
 * drug names, over a short list held in memory.
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
