import type { LibraryReader } from '../library/library-reader.js';
import type { Problem } from '../core/problem.js';
import { checkLibrary, LibraryChecker } from './check-library.js';
import { compileLibrary, LibraryBuilder, type LibrarySink } from './compile-library.js';
import { loadFile, loadFiles } from './load-folder.js';
import { existingNames } from './validate.js';

/**
 * Compiles a user's folder of monographs against the bundled library: the same
 * schema and class vocabulary, and no name that already belongs to another
 * bundled drug. Files that fail are left out and described in `problems`
 * (several for a file with several things wrong).
 */
export function compileFolder(
  folder: string,
  names: string[],
  bundled: LibraryReader,
  label: (name: string) => string,
): { files: Map<string, string>; problems: Problem[] } {
  const { classes, duplicateTherapy, effectTerms } = bundled.manifest();
  const tags = new Set(Object.keys(classes));
  const byPath = new Map(names.map((name) => [`${folder}/${name}`, label(name)]));
  const { loaded, problems } = loadFiles([...byPath.keys()], tags, (file) => byPath.get(file) ?? file);
  const checked = checkLibrary(loaded, tags, existingNames(bundled));
  return {
    files: compileLibrary(
      checked.accepted.map((item) => item.record),
      { classes, duplicateTherapy, effectTerms, terms: bundled.termIndex() },
    ),
    problems: problems.concat(checked.problems),
  };
}

/**
 * compileFolder for `medinfo compile`, writing into `sink` as it goes: each
 * monograph is read, checked, written and let go before the next, so memory
 * stays with the indexes however large the folder. The files and the problems
 * are the same as compileFolder's. `progress` hears how many files are done.
 */
export function compileFolderInto(
  folder: string,
  names: string[],
  bundled: LibraryReader,
  label: (name: string) => string,
  sink: LibrarySink,
  progress: (done: number, total: number) => void = () => undefined,
  collect?: () => void,
): Problem[] {
  const { classes, duplicateTherapy, effectTerms } = bundled.manifest();
  const tags = new Set(Object.keys(classes));
  const checker = new LibraryChecker(tags, existingNames(bundled));
  const builder = new LibraryBuilder({ classes, duplicateTherapy, effectTerms, terms: bundled.termIndex() }, sink, collect);
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    const item = loadFile(`${folder}/${name}`, tags, label(name), problems);
    if (item && checker.claim(item)) builder.add(item.record);
    progress(i + 1, names.length);
  });
  const checked = checker.finish();
  builder.finish((slug) => !checked.rejected.has(slug));
  return problems.concat(checked.problems);
}
