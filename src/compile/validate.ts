import { readFileSync } from 'node:fs';
import type { LibraryReader } from '../library/library-reader.js';
import { nameKey, namesOf } from '../core/names.js';
import { sortProblems, type Problem } from '../core/problem.js';
import { checkLibrary } from './check-library.js';
import { loadFiles, monographFiles } from './load-folder.js';
import { parseVocabulary } from './read-classes.js';
import { parseEffectTerms } from './read-effect-terms.js';

/** A monograph file to check, and how to name it in problems. */
export interface ValidateTarget {
  path: string;
  label: string;
}

/** What `medinfo validate` found: how many files it checked, and every problem, by file and line. */
export interface Validation {
  files: number;
  problems: Problem[];
}

/**
 * Checks a user's monograph files as `--data-dir` would load them: each file
 * against the format and the bundled library's class tags, and all of them
 * together against the bundled library's names and slugs (no name claimed by
 * two drugs, every interaction naming a drug or a class tag). A file that
 * replaces the bundled drug of its own slug may keep that drug's names.
 */
export function validateFiles(targets: readonly ValidateTarget[], bundled: LibraryReader): Validation {
  const tags = new Set(Object.keys(bundled.manifest().classes));
  return check(targets, tags, existingNames(bundled));
}

/**
 * Checks the bundled library's own folder (data/) as the build does: every
 * monograph, against the class vocabulary in the folder's classes.yaml, and
 * the vocabularies themselves.
 */
export function validateLibraryFolder(folder: string, label: (path: string) => string): Validation {
  const problems: Problem[] = [];
  const vocabulary = (name: string, parse: (text: string) => unknown): unknown => {
    const path = `${folder}/${name}`;
    try {
      return parse(readFileSync(path, 'utf8'));
    } catch (error) {
      // The vocabularies' readers name their file and key in the message; the file goes in front instead.
      problems.push({ file: label(path), line: null, field: null, message: ((error as Error).message ?? String(error)).replace(/^[\w.-]+\.yaml: /, '') });
      return undefined;
    }
  };
  const classes = vocabulary('classes.yaml', parseVocabulary) as ReturnType<typeof parseVocabulary> | undefined;
  vocabulary('effect-terms.yaml', parseEffectTerms);
  const targets = monographFiles(folder).map((path) => ({ path, label: label(path) }));
  const checked = check(targets, new Set(Object.keys(classes?.classes ?? {})));
  return { files: checked.files, problems: sortProblems(problems.concat(checked.problems)) };
}

function check(targets: readonly ValidateTarget[], tags: ReadonlySet<string>, existing?: Parameters<typeof checkLibrary>[2]): Validation {
  const labels = new Map(targets.map((target) => [target.path, target.label]));
  const { loaded, problems } = loadFiles([...labels.keys()], tags, (path) => labels.get(path) ?? path);
  const checked = checkLibrary(loaded, tags, existing);
  return { files: labels.size, problems: sortProblems(problems.concat(checked.problems)) };
}

/** The names and slugs of the bundled library's drugs, which a user's files may not take for another drug. */
export function existingNames(bundled: LibraryReader): { names: Map<string, string>; slugs: Set<string> } {
  const existing = { names: new Map<string, string>(), slugs: new Set<string>() };
  for (const drug of bundled.drugs()) {
    existing.slugs.add(drug.slug);
    for (const name of namesOf(drug)) existing.names.set(nameKey(name), drug.slug);
  }
  return existing;
}
