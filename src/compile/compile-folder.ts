import type { LibraryReader } from '../library/library-reader.js';
import { nameKey, namesOf } from '../core/names.js';
import { checkLibrary } from './check-library.js';
import { compileLibrary } from './compile-library.js';
import { loadFiles } from './load-folder.js';

/**
 * Compiles a user's folder of monographs against the bundled library: the same
 * schema and class vocabulary, and no name that already belongs to another
 * bundled drug. Files that fail are left out and described in `problems`.
 */
export function compileFolder(
  folder: string,
  names: string[],
  bundled: LibraryReader,
  label: (name: string) => string,
): { files: Map<string, string>; problems: string[] } {
  const { classes, duplicateTherapy, effectTerms } = bundled.manifest();
  const tags = new Set(Object.keys(classes));
  const byPath = new Map(names.map((name) => [`${folder}/${name}`, label(name)]));
  const { loaded, problems } = loadFiles([...byPath.keys()], tags, (file) => byPath.get(file) ?? file);
  const existing = { names: new Map<string, string>(), slugs: new Set<string>() };
  for (const drug of bundled.drugs()) {
    existing.slugs.add(drug.slug);
    for (const name of namesOf(drug)) existing.names.set(nameKey(name), drug.slug);
  }
  const checked = checkLibrary(loaded, tags, existing);
  return {
    files: compileLibrary(
      checked.accepted.map((item) => item.record),
      { classes, duplicateTherapy, effectTerms, terms: bundled.termIndex() },
    ),
    problems: [...problems, ...checked.problems].map((p) => `${p.message} (skipped)`),
  };
}
