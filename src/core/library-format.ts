/**
 * The compiled library: what the build writes and the run time reads.
 * A command reads only the files it needs: the manifest, one name shard and
 * one drug record for `show`; the search files only for `search`.
 */
export const FORMAT_VERSION = 3;

export interface Manifest {
  format: number;
  drugs: number;
  nameShards: number;
  proseShards: number;
  classes: Record<string, string>;
}

/** One row per drug in `drugs.json`, in slug order; search postings point into this array. */
export interface DrugSummary {
  slug: string;
  name: string;
  brands: string[];
  aliases: string[];
  classes: string[];
  uses: string[];
  rx: string;
}

/** Fields a short phrase can come from, best first. Stored as their index. */
export const PHRASE_FIELDS = ['name', 'brand', 'alias', 'class', 'use', 'side effect'] as const;
export type PhraseField = (typeof PHRASE_FIELDS)[number];

/**
 * `search/phrases.json`: every distinct short phrase (name, brand, alias, class,
 * use, side effect) once, as a name key, sorted and joined by newlines in
 * `text`. The postings of phrase i are `postings[offsets[i] .. offsets[i + 1])`,
 * read as pairs `drug, field`, where drug indexes `slugs` and field indexes
 * PHRASE_FIELDS. One string and flat arrays keep parsing cheap at tens of
 * thousands of phrases.
 */
export interface PhraseIndex {
  slugs: string[];
  text: string;
  offsets: number[];
  postings: number[];
}

/** `search/prose-meta.json`: the prose vocabulary (sorted, for prefix look-up) and document lengths. */
export interface ProseMeta {
  vocabulary: string[];
  lengths: number[];
}

/** `search/prose-<n>.json`: word → flat postings `[drug, count, drug, count, ...]`. */
export type ProseShard = Record<string, number[]>;

export const paths = {
  manifest: 'manifest.json',
  drugs: 'drugs.json',
  nameShard: (n: number) => `names/${n}.json`,
  record: (slug: string) => `drugs/${slug}.json`,
  phrases: 'search/phrases.json',
  proseMeta: 'search/prose-meta.json',
  proseShard: (n: number) => `search/prose-${n}.json`,
};
