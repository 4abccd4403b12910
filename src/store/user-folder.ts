import { existsSync, readdirSync, statSync, type BigIntStats } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { paths } from '../library/library-format.js';
import type { LibraryReader } from '../library/library-reader.js';
import { openCompiledLibrary } from './compiled-library.js';
import { openCachedFolder } from './folder-cache.js';
import { loadCompiler } from './load-compiler.js';
import type { UserFolder } from './folders.js';
import { allSettled, stampOf } from './stamp.js';

/**
 * The libraries of the user's folders (folders.ts), in their order. A
 * `--data-dir` folder that cannot be read is the user's mistake on this
 * command line, an error; a `MEDINFO_PATH` entry that cannot be read is
 * skipped with one warning, since the variable serves every run, in any
 * working folder.
 */
export function openUserFolders(folders: readonly UserFolder[], bundled: LibraryReader, env: NodeJS.ProcessEnv, warn: (message: string) => void): LibraryReader[] {
  return folders.flatMap(({ dir, from }) => {
    try {
      return [openDataDir(dir, bundled, env, warn, from)];
    } catch (error) {
      // Only an unreadable folder is a UsageError here; a damaged library in MEDINFO_PATH still fails the run.
      if (from !== 'MEDINFO_PATH' || !(error instanceof UsageError)) throw error;
      warn(`${error.message} (skipped)`);
      return [];
    }
  });
}

/**
 * A folder written by `medinfo compile` holds the marker file, and the build's
 * and older compiles' a manifest; a folder of monographs holds neither.
 */
export function isCompiledLibrary(folder: string): boolean {
  return existsSync(join(folder, paths.marker)) || existsSync(join(folder, paths.manifest));
}

/**
 * What `--data-dir` names. A library made by `medinfo compile` is read as it
 * is, once checked (compiled-library.ts): its freshness is the user's to keep,
 * by compiling again. A folder of
 * monographs is compiled like the bundled library and cached (folder-cache.ts),
 * keyed by the folder's path, the bundled library's fingerprint and every
 * file's name and stamp (stamp.ts), so an edited, added or removed file gives
 * a new key and is never served stale.
 */
export function openDataDir(
  dir: string,
  bundled: LibraryReader,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
  from: UserFolder['from'] = '--data-dir',
): LibraryReader {
  const folder = resolve(dir);
  if (isCompiledLibrary(folder)) return openCompiledLibrary(folder, bundled, env, { kind: 'library', folder: dir, from });
  const started = Date.now();
  const files = listMonographs(dir, folder, from);
  return openCachedFolder(
    {
      folder,
      place: { kind: 'folder', folder: dir, from },
      stamps: files.map(({ name, stamp }) => `${name}\t${stamp}`),
      settled: allSettled(files.map((f) => f.changedNs), started),
      compile: () => loadCompiler().compileFolder(folder, files.map((f) => f.name), bundled, (name) => join(dir, name)),
    },
    bundled,
    env,
    warn,
  );
}

/** The monograph files (`*.md`, not hidden) of a folder, sorted; a folder that cannot be read is a UsageError naming `dir` after `option`. */
export function monographNames(dir: string, folder: string, option = ''): string[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    names = readdirSync(folder);
  } catch {
    throw new UsageError(`${option}"${dir}" is not a folder that can be read`);
  }
  return names.filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort();
}

function listMonographs(dir: string, folder: string, from: UserFolder['from']): Array<{ name: string; stamp: string; changedNs: bigint | undefined }> {
  return monographNames(dir, folder, `${from}: `).map((name) => {
    // One stat per file is what keeps the cache honest; it is also most of what a cached run costs.
    const stat = statOrNothing(`${folder}/${name}`);
    return { name, stamp: stampOf(stat), changedNs: stat?.ctimeNs };
  });
}

/** A link loop or an unreadable entry is the compiler's to report, with the other problems; here it only must not throw. */
function statOrNothing(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
