import type { LibraryReader } from '../library/library-reader.js';
import type { Problem } from '../core/problem.js';
import { checkLibrary } from './check-library.js';
import { compileLibrary } from './compile-library.js';
import { loadFiles } from './load-folder.js';
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
