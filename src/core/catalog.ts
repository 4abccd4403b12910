import { NotFoundError } from './errors.js';
import type { DrugSummary, SearchRow } from '../library/library-format.js';
import type { LibraryReader } from '../library/library-reader.js';
import type { DrugRecord, Monograph } from './monograph.js';
import { notFound } from './miss.js';
import { nameKey } from './names.js';
import { listsOf, type PhraseList } from './phrase-list.js';

/**
 * The libraries a run sees, in priority order: user folders first, then the
 * bundled library. A drug in a user folder with the same slug as a bundled
 * one takes its place.
 */
export type Catalog = readonly LibraryReader[];

/**
 * The one rule for which copy of a drug a catalog answers with: the first
 * library, in catalog order, that holds its slug. A user folder's copy
 * replaces the bundled one for names, search, lists and effects alike.
 */
export function ownerOf(catalog: Catalog, slug: string): LibraryReader | undefined {
  // The name index is keyed by name keys, and a slug's key has spaces for hyphens ("tylenol pm").
  const key = nameKey(slug);
  return catalog.find((library) => library.slugFor(key) === slug);
}

/** Whether the drug `slug`, found in the library at `rank`, is answered from a library before it. */
export function isReplaced(catalog: Catalog, rank: number, slug: string): boolean {
  return ownerOf(catalog.slice(0, rank), slug) !== undefined;
}

/**
 * Where the copy of a drug that a catalog answers with comes from, as JSON
 * records carry it: the bundled library, a user's folder of monographs (the
 * file is always `<slug>.md`), or a library made by `medinfo compile`; a
 * user's copy says whether it takes the place of a bundled monograph.
 */
export type Origin =
  | { kind: 'bundled' }
  | { kind: 'folder'; folder: string; file: string; replaces_bundled: boolean }
  | { kind: 'library'; folder: string; replaces_bundled: boolean };

const BUNDLED: Origin = { kind: 'bundled' };

/** The origin of the copy of `slug` the catalog answers with (ownerOf); the catalog's last library is the bundled one. */
export function originOf(catalog: Catalog, slug: string): Origin {
  if (catalog.length <= 1) return BUNDLED;
  return originIn(catalog, ownerOf(catalog, slug), slug, () => ownerOf(catalog.slice(-1), slug) !== undefined);
}

/** The origin of `slug` as `owner` (a library of the catalog) holds it; `replaces` says whether the bundled library has it too. */
function originIn(catalog: Catalog, owner: LibraryReader | undefined, slug: string, replaces: () => boolean): Origin {
  if (!owner || owner === catalog.at(-1) || owner.place?.kind === 'bundled') return BUNDLED;
  const folder = owner.place?.folder ?? owner.origin;
  return owner.place?.kind === 'library'
    ? { kind: 'library', folder, replaces_bundled: replaces() }
    : { kind: 'folder', folder, file: `${slug}.md`, replaces_bundled: replaces() };
}

/** Consecutive drugs of one library's prepared list (LibraryReader.listText), entries `from` to `to`, that the catalog lists with one origin. */
export interface ListRun {
  rank: number;
  from: number;
  to: number;
  origin: Origin;
}

/**
 * The catalog's drug list as runs of the libraries' prepared lists, in slug
 * order: the drugs listDrugs gives, each once, from the library that answers
 * for it (ownerOf). Only slugs are compared: at tens of thousands of drugs,
 * `list` copies these runs instead of building every drug's summary.
 */
export function listedRuns(catalog: Catalog): ListRun[] {
  const lists = catalog.map((library) => library.listSlugs());
  const bundled = new Set(lists.at(-1) ?? []);
  // One origin object per library and answer to "replaces a bundled drug?"; a folder's names each drug's file.
  const origins = catalog.map((library) => [false, true].map((replaces) => originIn(catalog, library, '', () => replaces)));
  const originOfAt = (rank: number, slug: string): Origin => {
    const origin = origins[rank]![bundled.has(slug) ? 1 : 0]!;
    return origin.kind === 'folder' ? { ...origin, file: `${slug}.md` } : origin;
  };
  const at = lists.map(() => 0);
  const runs: ListRun[] = [];
  const add = (rank: number, from: number, to: number, origin: Origin) => {
    const last = runs.at(-1);
    if (last && last.rank === rank && last.to === from && last.origin === origin) last.to = to;
    else runs.push({ rank, from, to, origin });
  };
  for (;;) {
    // The smallest slug at the head of any list; of equal slugs, the earliest library's.
    let rank = -1;
    for (let i = 0; i < lists.length; i++) if (at[i]! < lists[i]!.length && (rank === -1 || lists[i]![at[i]!]! < lists[rank]![at[rank]!]!)) rank = i;
    if (rank === -1) return runs;
    const list = lists[rank]!;
    // The slugs before every other list's head are this list's alone, none of them a bundled drug's
    // (those before its head are passed): one run, found by a binary search, not a step a drug.
    let limit: string | undefined;
    for (let i = 0; i < lists.length; i++) if (i !== rank && at[i]! < lists[i]!.length && (limit === undefined || lists[i]![at[i]!]! < limit)) limit = lists[i]![at[i]!];
    if (list[at[rank]!] !== limit && catalog[rank]!.place?.kind !== 'folder') {
      let lo = at[rank]! + 1;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (limit === undefined || list[mid]! < limit) lo = mid + 1;
        else hi = mid;
      }
      add(rank, at[rank]!, lo, originOfAt(rank, list[at[rank]!]!));
      at[rank] = lo;
      continue;
    }
    const slug = list[at[rank]!]!;
    for (let i = 0; i < lists.length; i++) if (i !== rank && at[i]! < lists[i]!.length && lists[i]![at[i]!] === slug) at[i]!++;
    add(rank, at[rank]!, at[rank]! + 1, originOfAt(rank, slug));
    at[rank]!++;
  }
}

/** A drug's record for JSON output with its `origin` added (last, after the fields it had). */
export function withOrigin<T extends { slug: string }>(catalog: Catalog, item: T): T & { origin: Origin } {
  return { ...item, origin: originOf(catalog, item.slug) };
}

/**
 * One library of a catalog, as `medinfo paths` shows it: where it is, what
 * named it, and what it gives: its drugs, how many of them take the place of
 * a later library's copy, and how many an earlier library's copy hides.
 */
export interface Layer {
  folder: string;
  from: '--data-dir' | 'MEDINFO_PATH' | 'bundled';
  kind: 'bundled' | 'folder' | 'library';
  drugs: number;
  replaces: number;
  shadowed: number;
}

/** Every library of the catalog, in order (see Layer); the last is the bundled one. */
export function layersOf(catalog: Catalog): Layer[] {
  return catalog.map((library, rank) => {
    const bundled = rank === catalog.length - 1;
    const later = catalog.slice(rank + 1);
    const layer: Layer = {
      folder: library.place?.folder ?? library.origin,
      from: bundled ? 'bundled' : (library.place?.from ?? '--data-dir'),
      kind: bundled ? 'bundled' : (library.place?.kind ?? 'folder'),
      drugs: 0,
      replaces: 0,
      shadowed: 0,
    };
    for (const { slug } of library.drugs()) {
      layer.drugs++;
      if (isReplaced(catalog, rank, slug)) layer.shadowed++;
      else if (ownerOf(later, slug)) layer.replaces++;
    }
    return layer;
  });
}

/**
 * Finds a drug by exact name, slug, brand or alias, ignoring case and accents.
 * Never falls back to a fuzzy match: a look-alike name is a different drug.
 * Throws NotFoundError with up to three did-you-mean names, or, when no name
 * is that near, a count of the library and the near names that are other
 * drugs (see notFound).
 */
export function resolveDrug(catalog: Catalog, query: string): DrugRecord {
  const key = nameKey(query);
  for (const library of catalog) {
    const slug = key ? library.slugFor(key) : undefined;
    if (slug) {
      // A user folder's version of the drug wins even when only the bundled one knows this name.
      const owner = ownerOf(catalog, slug) ?? library;
      return owner.record(slug);
    }
  }
  throw notFound(catalog, query);
}

/** The most words a name, brand or alias may have (the library check enforces it): how far resolveList looks ahead. */
export const MAX_NAME_WORDS = 6;

/** A name of a list, resolved or not. */
export type ListItem = { query: string; record: DrugRecord } | { query: string; miss: NotFoundError };

/**
 * Resolves the names of a list. Each run is words typed together (the
 * arguments) or one line of stdin. Within a run, consecutive words that
 * together are an exact name are one drug ("tylenol pm"), longest first;
 * otherwise each word must be a name of its own. Nothing is fuzzy-matched.
 */
export function resolveList(catalog: Catalog, runs: readonly (readonly string[])[]): ListItem[] {
  const items: ListItem[] = [];
  for (const words of runs) {
    for (let i = 0; i < words.length; ) {
      let taken = 0;
      for (let length = Math.min(words.length - i, MAX_NAME_WORDS); length > 1 && taken === 0; length--) {
        const query = words.slice(i, i + length).join(' ');
        if (hasName(catalog, nameKey(query))) {
          items.push({ query, record: resolveDrug(catalog, query) });
          taken = length;
        }
      }
      if (taken === 0) {
        const query = words[i]!;
        try {
          items.push({ query, record: resolveDrug(catalog, query) });
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          items.push({ query, miss: error });
        }
        taken = 1;
      }
      i += taken;
    }
  }
  return items;
}

/** Whether some library of the catalog answers to this name key. */
export function hasName(catalog: Catalog, key: string): boolean {
  return key !== '' && catalog.some((library) => library.slugFor(key) !== undefined);
}

/**
 * How many drugs the catalog holds, a drug in several libraries once: the
 * largest library's count, and each drug of the others it lacks, looked up
 * in its sorted slug list. The work grows with the smaller libraries only.
 */
export function drugCount(catalog: Catalog): number {
  const lists = catalog.map((library) => listsOf(library.namePhrases()).slugs);
  const largest = lists.reduce<PhraseList | undefined>((best, list) => (!best || list.length > best.length ? list : best), undefined);
  if (!largest) return 0;
  const others = new Set<string>();
  for (const list of lists) if (list !== largest) for (let i = 0; i < list.length; i++) others.add(list.at(i));
  let count = largest.length;
  for (const slug of others) if (!holds(largest, slug)) count++;
  return count;
}

/** Whether a slug list (in slug order, as a library stores it) holds `slug`. */
function holds(slugs: PhraseList, slug: string): boolean {
  let lo = 0;
  let hi = slugs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = slugs.at(mid);
    if (at === slug) return true;
    if (at < slug) lo = mid + 1;
    else hi = mid;
  }
  return false;
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

/** A class tag and what it means, as `medinfo classes` lists them. */
export interface ClassTag {
  tag: string;
  meaning: string;
}

/** The class tags of the catalog, in the vocabulary's own order (data/classes.yaml groups them by kind). */
export function classTags(catalog: Catalog): ClassTag[] {
  return Object.entries(classVocabulary(catalog)).map(([tag, meaning]) => ({ tag, meaning }));
}

/** The classes marked for duplicate-therapy checks (tag → why), shared by the catalog's libraries. */
export function duplicateTherapyClasses(catalog: Catalog): Record<string, string> {
  return Object.assign({}, ...[...catalog].reverse().map((library) => library.manifest().duplicateTherapy ?? {}));
}

/** The side-effect vocabulary shared by the catalog's libraries. */
export function effectVocabulary(catalog: Catalog): Record<string, string[]> {
  return Object.assign({}, ...[...catalog].reverse().map((library) => library.manifest().effectTerms ?? {}));
}

/** The monograph a catalog gives for a slug: the first library that holds it. */
export function recordOf(catalog: Catalog, slug: string): DrugRecord {
  const owner = ownerOf(catalog, slug);
  if (!owner) throw new NotFoundError(`no drug with the slug "${slug}"`);
  return owner.record(slug);
}

/** What a search result shows of a drug, from the library that answers for it (see SearchRow). */
export function searchRowOf(catalog: Catalog, slug: string): SearchRow {
  const owner = ownerOf(catalog, slug);
  if (!owner) throw new NotFoundError(`no drug with the slug "${slug}"`);
  return owner.searchRow(slug);
}

/** What a list entry stands for: a combination product its ingredients, anything else itself. */
export function ingredientsOf(catalog: Catalog, monograph: Monograph): Monograph[] {
  if (monograph.kind !== 'combination') return [monograph];
  return (monograph.ingredients ?? []).map((slug) => recordOf(catalog, slug).monograph);
}
