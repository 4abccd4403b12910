import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataError, UsageError } from '../core/errors.js';
import { skipWarnings, type Problem } from '../core/problem.js';
import { COMPILED_BY, FORMAT_VERSION, paths, type LibraryMarker } from '../library/library-format.js';
import type { LibraryReader } from '../library/library-reader.js';
import { bundledDir } from './bundled.js';
import { compileTarget } from './compile-target.js';
import { loadCompiler } from './load-compiler.js';
import { monographNames } from './user-folder.js';

// Apart from user-folder.ts: node:v8, which only compile needs, costs two milliseconds to load on every run that opens a folder.

/** How many monographs compile reads between two collections of the heap (a fraction of a second each). */
const FILES_PER_COLLECTION = 2500;

/**
 * Compiles a folder of monographs into `out`, for `medinfo compile`: only
 * where compile-target.ts allows, checked again just before the old library is
 * replaced. Returns how many drugs it holds; invalid files are reported
 * through `warn` and left out.
 */
export function compileDataDir(
  dir: string,
  out: string,
  bundled: LibraryReader,
  warn: (message: string) => void,
  progress?: (done: number, total: number) => void,
): number {
  const folder = resolve(dir);
  const names = monographNames(dir, folder);
  const target = compileTarget(out, folder, bundledDir());
  const { compileFolderInto, writeLibraryAs } = loadCompiler();
  // A compile is a batch job of a minute at tens of thousands of monographs: V8 is asked to keep its
  // heap small rather than grow it for speed, and to collect it every few thousand files, when what
  // the monographs read so far left behind is garbage: the peak stays near what the indexes hold.
  setFlagsFromString('--optimize-for-size');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  const collect = typeof gc === 'function' ? (gc as () => void) : undefined;
  const onFile = (done: number, total: number) => {
    if (done % FILES_PER_COLLECTION === 0 || done === total) collect?.();
    progress?.(done, total);
  };
  let problems: Problem[] = [];
  const marker: LibraryMarker = { format: FORMAT_VERSION, written_by: COMPILED_BY };
  try {
    // Written as it is compiled, into a folder beside the target that replaces it only once complete.
    writeLibraryAs(
      target,
      (sink) => {
        problems = compileFolderInto(folder, names, bundled, (name) => join(dir, name), sink, onFile, collect);
        skipWarnings(problems).forEach(warn);
        sink.write(paths.marker, JSON.stringify(marker));
      },
      () => compileTarget(out, folder, bundledDir()),
    );
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataError) throw error;
    throw new UsageError(`cannot write "${out}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return names.length - new Set(problems.map((problem) => problem.file)).size;
}
