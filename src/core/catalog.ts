import { NotFoundError } from './errors.js';
import type { DrugSummary } from './library-format.js';
import type { LibraryReader } from './library-reader.js';
import type { DrugRecord } from './monograph.js';
import { nameKey } from './names.js';
import { suggestNames } from './suggest.js';

/**
 * The libraries a run sees, in priority order: user folders first, then the
 * bundled library. A drug in a user folder with the same slug as a bundled
 * one takes its place.
 */
export type Catalog = readonly LibraryReader[];

/**
 * Finds a drug by exact name, slug, brand or alias, ignoring case and accents.
 * Never falls back to a fuzzy match: a look-alike name is a different drug.
 * Throws NotFoundError with up to three did-you-mean names.
 */
export function resolveDrug(catalog: Catalog, query: string): DrugRecord {
  const key = nameKey(query);
  for (const library of catalog) {
    const slug = key ? library.slugFor(key) : undefined;
    if (slug) {
      // A user folder's version of the drug wins even when only the bundled one knows this name.
      const owner = catalog.find((candidate) => candidate.slugFor(slug) === slug) ?? library;
      return owner.record(slug);
    }
  }
  const suggestions = key ? suggestNames(catalog, key, 3) : [];
  throw new NotFoundError(
    `no drug named "${query}"`,
    suggestions.length > 0 ? [`did you mean: ${suggestions.join(', ')}?`] : ['try: medinfo search <words>'],
  );
}

/** Every drug in the catalog, in slug order, a user folder's version winning over the bundled one. */
export function listDrugs(catalog: Catalog): DrugSummary[] {
  const bySlug = new Map<string, DrugSummary>();
  for (const library of catalog) for (const drug of library.drugs()) if (!bySlug.has(drug.slug)) bySlug.set(drug.slug, drug);
  return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The class vocabulary shared by the catalog's libraries. */
export function classVocabulary(catalog: Catalog): Record<string, string> {
  return Object.assign({}, ...[...catalog].reverse().map((library) => library.manifest().classes));
}
