/**
 * The compiled library: what the build writes and the run time reads.
 * A command reads only the files it needs: the manifest, one name shard and
 * one drug record for `show`; the search files only for `search`.
 */
export const FORMAT_VERSION = 4;

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
 * `text`. Phrase i has postings `offsets[i] .. offsets[i + 1]`, each one
 * POSTING_WIDTH base-36 digits of `postings` holding `drug * 8 + field`, where
 * drug indexes `slugs` and field indexes PHRASE_FIELDS. Strings parse far
 * faster than arrays of hundreds of thousands of numbers, and a search decodes
 * only the postings of the phrases it matched.
 */
export interface PhraseIndex {
  slugs: string[];
  text: string;
  offsets: number[];
  postings: string;
}

export const POSTING_WIDTH = 4;

/** Calls `visit` with each (drug, field) posting of phrase `phrase`. */
export function forEachPosting(index: PhraseIndex, phrase: number, visit: (drug: number, field: number) => void): void {
  const text = index.postings;
  for (let i = index.offsets[phrase]!; i < index.offsets[phrase + 1]!; i++) {
    // parseInt(text.slice(...), 36), without making a string per posting: a class can have thousands.
    let code = 0;
    for (let at = i * POSTING_WIDTH; at < (i + 1) * POSTING_WIDTH; at++) {
      const c = text.charCodeAt(at);
      code = code * 36 + (c <= 57 ? c - 48 : c - 87);
    }
    visit(code >>> 3, code & 7);
  }
}

/** The inverse of forEachPosting's decoding, for the build. */
export function encodePosting(drug: number, field: number): string {
  return (drug * 8 + field).toString(36).padStart(POSTING_WIDTH, '0');
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
  namePhrases: 'names/phrases.json',
  proseMeta: 'search/prose-meta.json',
  proseShard: (n: number) => `search/prose-${n}.json`,
};
