import { existsSync, readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { digest } from '../core/hash.js';
import { FORMAT_VERSION, paths } from '../core/library-format.js';
import type { LibraryReader } from '../core/library-reader.js';
import { LibraryFiles } from './library-files.js';

declare const MEDINFO_VERSION: string;
const PROBLEMS = 'problems.json';

/** A folder written by `medinfo compile` (or the build) holds a manifest; a folder of monographs does not. */
export function isCompiledLibrary(folder: string): boolean {
  return existsSync(join(folder, paths.manifest));
}

/**
 * Compiles a folder of monographs into `out`, for `medinfo compile`. Returns how
 * many drugs it holds; invalid files are reported through `warn` and left out.
 */
export function compileDataDir(dir: string, out: string, bundled: LibraryReader, warn: (message: string) => void): number {
  const folder = resolve(dir);
  const target = resolve(out);
  const names = monographNames(dir, folder);
  if (target === folder || target.startsWith(`${folder}/`)) throw new UsageError(`the compiled library cannot go inside the folder it is compiled from ("${dir}")`);
  if (existsSync(target) && !isCompiledLibrary(target) && readdirSync(target).length > 0) {
    throw new UsageError(`"${out}" is not empty and not a compiled medinfo library; refusing to replace it`);
  }
  const { compileFolder, writeLibrary } = loadCompiler();
  const compiled = compileFolder(folder, names, bundled, (name) => join(dir, name));
  compiled.problems.forEach(warn);
  try {
    writeLibrary(target, compiled.files);
  } catch (error) {
    throw new UsageError(`cannot write "${out}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return names.length - compiled.problems.length;
}

/**
 * What `--data-dir` names. A library made by `medinfo compile` is read as it
 * is: its freshness is the user's to keep, by compiling again. A folder of
 * monographs is compiled like the bundled library and cached under
 * `$XDG_CACHE_HOME/medinfo`. The cache is keyed by the folder's path and by
 * every file's name, size and mtime, so an edited, added or removed file gives
 * a new key and is never served stale. A compiled entry is written once, to a
 * temporary folder renamed into place, and never changed after, so two runs at
 * once cannot see half of one. Invalid files are reported through `warn` on
 * every run and left out.
 */
export function openDataDir(
  dir: string,
  bundled: LibraryReader,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): LibraryReader {
  const folder = resolve(dir);
  if (isCompiledLibrary(folder)) {
    const library = new LibraryFiles((path) => readFileSync(join(folder, path), 'utf8'), folder, 'compile it again with medinfo compile');
    library.manifest();
    return library;
  }
  const files = listMonographs(dir, folder);
  const stamp = [`${version()} format ${FORMAT_VERSION}`, ...files.map(({ name, size, mtimeMs }) => `${name}\t${size}\t${mtimeMs}`)].join('\n');
  const entry = join(cacheRoot(env), 'folders', digest(folder), digest(stamp));

  const cached = readCached(entry, folder);
  if (cached) {
    cached.problems.forEach(warn);
    return cached.library;
  }

  const { compileFolder, publishOnce } = loadCompiler();
  const compiled = compileFolder(
    folder,
    files.map((f) => f.name),
    bundled,
    (name) => join(dir, name),
  );
  compiled.problems.forEach(warn);
  compiled.files.set(PROBLEMS, JSON.stringify(compiled.problems));
  try {
    publishOnce(entry, compiled.files);
    removeOldEntries(entry);
  } catch {
    // An unwritable or contested cache only costs speed: use what was just compiled.
  }
  return new LibraryFiles((path) => compiled.files.get(path) ?? missing(path), folder, 'check the folder');
}

/**
 * The compiler (gray-matter, the YAML parser, zod, marked) is a separate bundle
 * next to the CLI's, loaded only when a user folder has to be compiled.
 */
function loadCompiler(): typeof import('../build/compiler.js') {
  return createRequire(__filename)('./compiler.cjs') as typeof import('../build/compiler.js');
}

/**
 * Entries for earlier states of the folder are removed once they are a minute
 * old, so a run still reading one (started just before the edit) can finish.
 */
function removeOldEntries(entry: string): void {
  const parent = join(entry, '..');
  const cutoff = Date.now() - 60_000;
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    if (name === basename(entry)) continue;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
  }
}

function monographNames(dir: string, folder: string, option = ''): string[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    names = readdirSync(folder);
  } catch {
    throw new UsageError(`${option}"${dir}" is not a folder that can be read`);
  }
  return names.filter((name) => name.endsWith('.md') && !name.startsWith('.')).sort();
}

function listMonographs(dir: string, folder: string): Array<{ name: string; size: number; mtimeMs: number }> {
  return monographNames(dir, folder, '--data-dir: ').map((name) => {
    // One stat per file is what keeps the cache honest; it is also most of what a cached run costs.
    const stat = statOrNothing(`${folder}/${name}`);
    return { name, size: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1 };
  });
}

/** A link loop or an unreadable entry is the compiler's to report, with the other problems; here it only must not throw. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function readCached(entry: string, folder: string): { library: LibraryReader; problems: string[] } | undefined {
  try {
    const problems = JSON.parse(readFileSync(join(entry, PROBLEMS), 'utf8')) as unknown;
    if (!Array.isArray(problems) || !problems.every((p) => typeof p === 'string')) return undefined;
    const library = new LibraryFiles((path) => readFileSync(join(entry, path), 'utf8'), folder, 'delete the medinfo cache folder');
    library.manifest();
    return { library, problems };
  } catch {
    // Missing or damaged: compile again (and clear the damaged entry, if it can be).
    try {
      rmSync(entry, { recursive: true, force: true });
    } catch {
      // an unusable cache folder only costs speed
    }
    return undefined;
  }
}

function cacheRoot(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'medinfo');
}

function version(): string {
  return typeof MEDINFO_VERSION === 'string' ? MEDINFO_VERSION : 'dev';
}

function missing(path: string): never {
  throw new Error(`${path} is not in the compiled folder`);
}
