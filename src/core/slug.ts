import { nameKey } from './names.js';

/**
 * A drug's slug: lower-case words joined by hyphens. A slug names the drug's
 * file in a compiled library, so nothing else may pass for one: a value read
 * from a library is checked against this before any path is built from it.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG_PATTERN.test(value);
}

/** The slug a name gets: its letters and digits, accents dropped ("Bébé-Drug 2" → "bebe-drug-2"); '' when it has none. */
export function slugOf(name: string): string {
  return nameKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
