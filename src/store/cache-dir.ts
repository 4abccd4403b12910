import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { digest } from '../core/hash.js';
import { FORMAT_VERSION } from '../library/library-format.js';

declare const MEDINFO_VERSION: string;

/**
 * Where medinfo caches what it learns about a `--data-dir` folder:
 * `$XDG_CACHE_HOME/medinfo/<area>/<digest(folder)>/`, one such folder per
 * `--data-dir` folder, holding `source.txt` (the folder's path, so a later run
 * can tell the folder is gone) and one entry per state of the folder, named by
 * the digest of its key. Entries are published whole and never changed, and
 * everything is made private to the user (0700). A cached entry is only as
 * trustworthy as the folders it sits in, so a symbolic link or a folder of
 * another user on the way is never followed.
 */
export interface CacheDir {
  /** `<root>/<area>/<digest(folder)>` */
  readonly dir: string;
  /** False when the cache root itself cannot be trusted: then nothing is read from or written to it. */
  readonly usable: boolean;
}

const SOURCE = 'source.txt';
const PRIVATE = 0o700;

/** The cache folder for `folder` in `area`; a link or foreign folder found on the way is removed. */
export function cacheDir(env: NodeJS.ProcessEnv, area: 'folders' | 'libraries' | 'outputs', folder: string): CacheDir {
  const root = cacheRoot(env);
  const dir = join(root, area, digest(folder));
  const rootStat = lstatOrUndefined(root);
  // The root is shared with the start-up code cache; not ours alone to remove.
  if (rootStat && !isOwnFolder(rootStat)) return { dir, usable: false };
  for (const path of [join(root, area), dir]) if (!keepIfOwnFolder(path)) break;
  return { dir, usable: true };
}

/** The key every entry starts with: what it was made by. */
export function cacheVersion(): string {
  return `${typeof MEDINFO_VERSION === 'string' ? MEDINFO_VERSION : 'dev'} format ${FORMAT_VERSION}`;
}

/**
 * True if `path` is a folder of this user's (not a symbolic link); removes
 * anything else found there. False also when nothing is there.
 */
export function keepIfOwnFolder(path: string): boolean {
  const stat = lstatOrUndefined(path);
  if (!stat) return false;
  if (isOwnFolder(stat)) return true;
  discard(path);
  return false;
}

/** Reads a file in the cache, refusing a symbolic link. */
export function readPrivate(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Makes `cache.dir` (private) and records the folder it is for. Throws if the cache cannot be written. */
export function prepare(cache: CacheDir, folder: string): void {
  mkdirSync(cache.dir, { recursive: true, mode: PRIVATE });
  const source = join(cache.dir, SOURCE);
  if (readOrUndefined(source) === folder) return;
  const temporary = `${source}.tmp-${process.pid}`;
  writeFileSync(temporary, folder);
  renameSync(temporary, source);
}

/** True if the cache entry `name` is there as a plain file. */
export function hasEntryFile(cache: CacheDir, name: string): boolean {
  return lstatOrUndefined(join(cache.dir, name))?.isFile() === true;
}

/** Publishes the cache entry `name` as a file holding `text`, then clears what is stale. Throws if the cache cannot be written. */
export function publishEntryFile(cache: CacheDir, folder: string, name: string, text: string | Uint8Array): void {
  prepare(cache, folder);
  const temporary = join(cache.dir, `${name}.tmp-${process.pid}`);
  writeFileSync(temporary, text);
  renameSync(temporary, join(cache.dir, name));
  removeStale(cache, name);
}

/**
 * After a run that published `keep`: removes the other entries in its folder
 * once they are a minute old (a run still reading one, or writing a temporary
 * one, can finish), and the cache folders of `--data-dir` folders that no
 * longer exist. Only runs that compiled do this, so cached runs stay fast.
 */
export function removeStale(cache: CacheDir, keep: string): void {
  const cutoff = Date.now() - 60_000;
  const isOld = (path: string) => (lstatOrUndefined(path)?.mtimeMs ?? 0) < cutoff;
  for (const name of readdirSync(cache.dir)) {
    const path = join(cache.dir, name);
    if (name !== keep && name !== SOURCE && isOld(path)) discard(path);
  }
  const area = join(cache.dir, '..');
  for (const name of readdirSync(area)) {
    const path = join(area, name);
    if (path === cache.dir || !keepIfOwnFolder(path)) continue;
    const source = readOrUndefined(join(path, SOURCE));
    const gone = source === undefined ? isOld(path) : digest(source) !== name || statSync(source, { throwIfNoEntry: false })?.isDirectory() !== true;
    if (gone) discard(path);
  }
}

/** Removes a cache entry (or a link where one should be); a cache that cannot be cleaned only costs speed. */
export function discard(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // left for a later run
  }
}

function isOwnFolder(stat: Stats): boolean {
  return stat.isDirectory() && (process.getuid === undefined || stat.uid === process.getuid());
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    // missing, or a file where a folder should be on the way
    return undefined;
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readPrivate(path);
  } catch {
    return undefined;
  }
}

function cacheRoot(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'medinfo');
}
