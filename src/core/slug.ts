/**
 * A drug's slug: lower-case words joined by hyphens. A slug names the drug's
 * file in a compiled library, so nothing else may pass for one: a value read
 * from a library is checked against this before any path is built from it.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG_PATTERN.test(value);
}
