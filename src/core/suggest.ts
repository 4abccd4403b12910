import type { LibraryReader } from './library-reader.js';
import { PHRASE_FIELDS } from './library-format.js';
import { fuzzyMatch } from './fuzzy.js';
import { phraseListOf } from './phrase-list.js';

// A suggestion much further from what was typed than the best one only adds noise.
const MIN_QUALITY = 0.6;
const MAX_BEHIND_BEST = 0.15;

const NAME_FIELDS = new Set([PHRASE_FIELDS.indexOf('name'), PHRASE_FIELDS.indexOf('brand'), PHRASE_FIELDS.indexOf('alias')]);

/**
 * Up to `limit` drug names that look like `key` (a name key), best first, for
 * "did you mean". Each is printed as the drug's name, with the brand or alias
 * that matched when that is what the user seems to have meant.
 */
export function suggestNames(catalog: readonly LibraryReader[], key: string, limit: number): string[] {
  const scored = new Map<string, { label: string; quality: number }>();
  for (const library of catalog) {
    const index = library.phrases();
    const { slugs, offsets, postings } = index;
    const phrases = phraseListOf(index);
    for (const hit of fuzzyMatch(phrases, key, 0.4, MIN_QUALITY)) {
      for (let i = offsets[hit.index]!; i < offsets[hit.index + 1]!; i += 2) {
        if (!NAME_FIELDS.has(postings[i + 1]!)) continue;
        const slug = slugs[postings[i]!]!;
        const isName = postings[i + 1] === 0;
        const label = isName ? slug : `${phrases.at(hit.index)} (${slug})`;
        const seen = scored.get(slug);
        if (!seen || hit.quality > seen.quality) scored.set(slug, { label, quality: hit.quality });
      }
    }
  }
  const best = Math.max(0, ...[...scored.values()].map((s) => s.quality));
  return [...scored.values()]
    .filter((s) => s.quality >= best - MAX_BEHIND_BEST)
    .sort((a, b) => b.quality - a.quality || (a.label < b.label ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.label);
}
