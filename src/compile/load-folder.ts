import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataError } from '../core/errors.js';
import type { LoadedRecord } from './check-library.js';
import { parseMonograph } from './parse-monograph.js';
import { readMonographFile } from './read-file.js';

/** The monograph files of a folder (`*.md`), sorted so every build sees them in the same order. */
export function monographFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Reads and parses the given files; a file that fails, whether it cannot be
 * read (see readMonographFile) or breaks the format, comes back as one
 * problem naming it, not a throw, so the other files still load.
 */
export function loadFiles(
  files: string[],
  classTags: ReadonlySet<string>,
  label: (file: string) => string = (file) => file,
): { loaded: LoadedRecord[]; problems: DataError[] } {
  const loaded: LoadedRecord[] = [];
  const problems: DataError[] = [];
  for (const file of files) {
    const name = label(file);
    try {
      const text = readMonographFile(file, name);
      loaded.push({ file: name, record: parseMonograph(text, name, basename(file, '.md'), classTags) });
    } catch (error) {
      if (error instanceof DataError) problems.push(error);
      else problems.push(new DataError(name, '', `could not be checked (${(error as Error)?.message ?? String(error)})`));
    }
  }
  return { loaded, problems };
}
