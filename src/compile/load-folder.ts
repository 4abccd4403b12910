import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Problem } from '../core/problem.js';
import type { LoadedRecord } from './check-library.js';
import { checkMonograph } from './parse-monograph.js';
import { readMonographFile } from './read-file.js';

/** The monograph files of a folder (`*.md`), sorted so every build sees them in the same order. */
export function monographFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Reads and checks the given files; a file that fails, whether it cannot be
 * read (see readMonographFile) or breaks the format, comes back as its
 * problems (checkMonograph), not a throw, so the other files still load.
 */
export function loadFiles(
  files: string[],
  classTags: ReadonlySet<string>,
  label: (file: string) => string = (file) => file,
): { loaded: LoadedRecord[]; problems: Problem[] } {
  const loaded: LoadedRecord[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const item = loadFile(file, classTags, label(file), problems);
    if (item) loaded.push(item);
  }
  return { loaded, problems };
}

/** Reads and checks one file (see loadFiles); its problems are added to `problems`. */
export function loadFile(file: string, classTags: ReadonlySet<string>, name: string, problems: Problem[]): LoadedRecord | undefined {
  try {
    const text = readMonographFile(file, name);
    const checked = checkMonograph(text, name, basename(file, '.md'), classTags);
    if (checked.record) return { file: name, record: checked.record, lineOf: checked.lineOf };
    for (const problem of checked.problems) problems.push(problem);
  } catch (error) {
    if (error instanceof DataError) problems.push(error.toProblem());
    else problems.push({ file: name, line: null, field: null, message: `could not be checked (${(error as Error)?.message ?? String(error)})` });
  }
  return undefined;
}
