import { packedAt, type PackedStrings } from './packed.js';

/**
 * The compiled library: what the build writes and the run time reads.
 * A command reads only the files it needs: the manifest, one name shard and
 * one drug record for `show`; the search files only for `search`.
 */
export const FORMAT_VERSION = 5;

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
 * `search/phrases.json` (every short phrase: name, brand, alias, class, use,
 * side effect) and `names/phrases.json` (names, brands and aliases only). Each
 * distinct phrase appears once, as a name key, in sorted order. Phrase i has
 * postings `offsets[i] .. offsets[i + 1]`, each `drug * 8 + field`, where drug
 * indexes `slugs` and field indexes PHRASE_FIELDS. Every number is packed
 * (packed.ts) in `width` base-36 digits, so the index is a handful of strings:
 * parsed in a blink at tens of thousands of drugs, and decoded only where a
 * look-up lands.
 */
export interface PhraseIndex {
  width: number;
  slugs: PackedStrings;
  phrases: PackedStrings;
  offsets: string;
  postings: string;
}

/** Calls `visit` with each (drug, field) posting of phrase `phrase`. */
export function forEachPosting(index: PhraseIndex, phrase: number, visit: (drug: number, field: number) => void): void {
  const { width, offsets, postings } = index;
  const end = packedAt(offsets, phrase + 1, width);
  for (let i = packedAt(offsets, phrase, width); i < end; i++) {
    const code = packedAt(postings, i, width);
    visit(Math.floor(code / 8), code % 8);
  }
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
