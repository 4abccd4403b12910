/** The entry of dist/importer.cjs: `medinfo import`'s work, loaded only when that command runs. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { load } from 'js-yaml';
import { phraseKey, type TargetIndex } from './interactions.js';
import { type Label, NotALabel } from './label.js';
import { readOpenFda } from './openfda.js';
import { readSpl } from './spl.js';
import { type ImportedMonograph, type ImportVocabulary, writeMonograph } from './write-monograph.js';
import labelClasses from '../../data/label-classes.yaml';

export type LabelFormat = 'spl' | 'openfda';

/** One file (or a file inside a zip) and what became of it. */
export type ImportOutcome =
  | { file: string; monographs: ImportedMonograph[] }
  | { file: string; skipped: string };

/**
 * Every label file named: files as they are, folders recursively (*.xml,
 * *.json, *.zip), in name order; `unreadable` are the paths given that are
 * neither (the command turns them into a usage error: this bundle throws none
 * of the CLI's error types, which are the CLI bundle's own classes).
 */
export function labelFiles(paths: readonly string[]): { files: string[]; unreadable: string[] } {
  const files: string[] = [];
  const unreadable: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      unreadable.push(folder);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(xml|json|zip)$/i.test(entry.name)) files.push(path);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = undefined;
    }
    if (stat === undefined) unreadable.push(path);
    else if (stat.isDirectory()) walk(path);
    else files.push(path);
  }
  return { files, unreadable };
}

/**
 * Reads one file: an SPL XML label, an openFDA JSON reply (one label or
 * several), or a DailyMed zip holding an XML label. Detected from the content
 * unless `format` says which. A file that is no label is an outcome, not an
 * error, so that the rest of a folder still imports.
 */
export function importFile(file: string, vocabulary: ImportVocabulary, format?: LabelFormat): ImportOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { file, skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    return { file, monographs: readLabels(bytes, format).map((label) => writeMonograph(label, vocabulary)) };
  } catch (error) {
    if (error instanceof NotALabel) return { file, skipped: `not an FDA label: ${error.message}` };
    throw error;
  }
}

function readLabels(bytes: Uint8Array, format: LabelFormat | undefined): Label[] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, { filter: (entry) => /\.xml$/i.test(entry.name) && !entry.name.includes('/.') });
    } catch (error) {
      throw new NotALabel(`a zip file that cannot be read (${(error as Error).message})`);
    }
    const names = Object.keys(entries).sort();
    if (names.length === 0) throw new NotALabel('a zip file with no XML label in it');
    return names.map((name) => readSpl(Buffer.from(entries[name]!).toString('utf8')));
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  const first = /\S/.exec(text)?.[0];
  const as = format ?? (first === '<' ? 'spl' : first === '{' || first === '[' ? 'openfda' : undefined);
  if (as === 'spl') return [readSpl(text)];
  if (as === 'openfda') return readOpenFda(text);
  throw new NotALabel(first === undefined ? 'an empty file' : 'neither SPL XML nor openFDA JSON');
}

/** What the bundled library knows, as import needs it (see ImportVocabulary). */
export function importVocabulary(
  classes: Readonly<Record<string, string>>,
  drugs: ReadonlyArray<{ slug: string; name: string; brands: readonly string[]; aliases: readonly string[] }>,
  mapping: string = labelClasses,
): ImportVocabulary {
  const doc = (load(mapping) ?? {}) as { epc?: Record<string, unknown>; otc_purpose?: Record<string, unknown>; interaction_words?: Record<string, unknown> };
  const tagMap = (entries: Record<string, unknown> | undefined) => {
    const map = new Map<string, string[]>();
    for (const [name, tags] of Object.entries(entries ?? {})) if (Array.isArray(tags)) map.set(phraseKey(name), tags.filter((tag): tag is string => typeof tag === 'string' && Object.hasOwn(classes, tag)));
    return map;
  };
  const epc = tagMap(doc.epc);
  const targets = new Map<string, string>();
  const byName = new Map<string, { slug: string; name: string }>();
  for (const drug of drugs) {
    for (const name of [drug.name, drug.slug, ...drug.brands, ...drug.aliases]) {
      const key = phraseKey(name);
      if (key.length < 4) continue;
      byName.set(key, { slug: drug.slug, name: drug.name });
      targets.set(key, drug.slug);
    }
  }
  for (const tag of Object.keys(classes)) if (!NOT_TARGETS.has(tag)) targets.set(phraseKey(tag.replace(/-/g, ' ')), tag);
  for (const [words, tag] of Object.entries(doc.interaction_words ?? {})) if (typeof tag === 'string' && Object.hasOwn(classes, tag)) targets.set(phraseKey(words), tag);
  return {
    classes: new Set(Object.keys(classes)),
    epc,
    purposes: tagMap(doc.otc_purpose),
    targets: targets as TargetIndex,
    bundledDrug: (name) => byName.get(phraseKey(name)),
  };
}

/** Tags that say what a drug is for or how it is sold, which a label's sentence names without meaning a drug to combine with. */
const NOT_TARGETS = new Set(['unclassified', 'supplement', 'controlled-substance', 'analgesic', 'antipyretic', 'antihypertensive', 'antidepressant', 'anxiolytic', 'antidiabetic', 'sedative-hypnotic', 'muscle-relaxant', 'anticonvulsant', 'antipsychotic', 'antiemetic', 'antigout', 'vasodilator']);

