import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataError } from '../core/errors.js';
import type { LoadedRecord } from './check-library.js';
import { parseMonograph } from './parse-monograph.js';

/** The monograph files of a folder (`*.md`), sorted so every build sees them in the same order. */
export function monographFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

/** Parses the given files; a file that fails comes back as a problem, not a throw. */
export function loadFiles(
  files: string[],
  classTags: ReadonlySet<string>,
  label: (file: string) => string = (file) => file,
): { loaded: LoadedRecord[]; problems: DataError[] } {
  const loaded: LoadedRecord[] = [];
  const problems: DataError[] = [];
  for (const file of files) {
    try {
      const text = readFileSync(file, 'utf8');
      loaded.push({ file: label(file), record: parseMonograph(text, label(file), basename(file, '.md'), classTags) });
    } catch (error) {
      if (error instanceof DataError) problems.push(error);
      else problems.push(new DataError(label(file), '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`));
    }
  }
  return { loaded, problems };
}
