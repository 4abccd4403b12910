import type { DrugSummary, EffectFile, LibraryMarker, Manifest, SearchRow } from './library-format.js';
import type { TermEntry } from '../core/lay-terms.js';
import type { DrugRecord } from '../core/monograph.js';

/*
 * Cheap checks that a decoded library file has the shape its type promises, so
 * a damaged or foreign file is reported as such when it is read, not as a crash
 * deep in a renderer. They cover what the readers and renderers rely on, not
 * every field of a monograph: the schema checked that when the library was compiled.
 */

type Shape<T> = (value: unknown) => value is T;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isCount = (value: unknown, least = 0): value is number => Number.isInteger(value) && (value as number) >= least;
const isStringMap = (value: unknown): value is Record<string, string> => isObject(value) && Object.values(value).every(isString);

export const isMarker: Shape<LibraryMarker> = (value): value is LibraryMarker => isObject(value) && isCount(value.format) && isString(value.written_by);

export const isManifest: Shape<Manifest> = (value): value is Manifest =>
  isObject(value) &&
  isCount(value.format) &&
  isCount(value.drugs) &&
  isCount(value.nameShards, 1) &&
  isCount(value.proseShards, 1) &&
  isCount(value.pairShards, 1) &&
  isStringMap(value.classes) &&
  isStringMap(value.duplicateTherapy) &&
  isObject(value.effectTerms) &&
  Object.values(value.effectTerms).every(isStrings) &&
  isString(value.fingerprint);

const isSummary: Shape<DrugSummary> = (value): value is DrugSummary =>
  isObject(value) &&
  isString(value.slug) &&
  isString(value.name) &&
  isString(value.rx) &&
  isStrings(value.brands) &&
  isStrings(value.aliases) &&
  isStrings(value.classes) &&
  isStrings(value.uses);

export const isDrugList: Shape<DrugSummary[]> = (value): value is DrugSummary[] => Array.isArray(value) && value.every(isSummary);

const MONOGRAPH_LISTS = ['look_alikes', 'side_effects', 'studies', 'interactions', 'sources', 'sections'] as const;

/** A drug record, and the one it was asked for: its monograph carries `slug`. */
export function isDrugRecord(value: unknown, slug: string): value is DrugRecord {
  if (!isObject(value) || !Array.isArray(value.blocks) || !isSummary(value.monograph)) return false;
  const monograph = value.monograph as unknown as Record<string, unknown>;
  return monograph.slug === slug && MONOGRAPH_LISTS.every((field) => Array.isArray(monograph[field]));
}

/** The first line of a row file (SearchRow without its sentences). */
export const isSearchRowFields: Shape<Omit<SearchRow, 'sentences'>> = (value): value is Omit<SearchRow, 'sentences'> =>
  isObject(value) && isString(value.name) && isStrings(value.brands) && isStrings(value.aliases) && isStrings(value.uses) && isStrings(value.effects);

const isSource = (value: unknown): boolean => isObject(value) && isString(value.id) && isString(value.title) && isString(value.kind);

export const isEffectFile: Shape<EffectFile> = (value): value is EffectFile => {
  if (!isObject(value) || !Array.isArray(value.sources) || !value.sources.every(isSource) || !Array.isArray(value.rows)) return false;
  const sources = value.sources.length;
  // A plain loop, no call per check: a common effect's file has thousands of rows, checked on every run.
  const rows = value.rows as unknown[][];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') return false;
    const at = row[2];
    const source = row[3];
    const effect = row[4] as { effect?: unknown } | null;
    if (typeof at !== 'number' || !(at >= 0) || at % 1 !== 0 || typeof source !== 'number' || !(source >= 0 && source < sources) || source % 1 !== 0) return false;
    // JSON gives no array an `effect` field, so this is also the check that it is an object.
    if (typeof effect !== 'object' || effect === null || typeof effect.effect !== 'string') return false;
  }
  return true;
};

export const isTermEntry: Shape<TermEntry> = (value): value is TermEntry =>
  isObject(value) && isString(value.written) && typeof value.lay === 'boolean' && (['classes', 'uses', 'effects'] as const).every((field) => value[field] === undefined || isStrings(value[field]));
