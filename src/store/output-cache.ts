import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog } from '../core/catalog.js';
import { DataError } from '../core/errors.js';
import { digest } from '../core/hash.js';
import { cacheDir, cacheVersion, publishEntryFile } from './cache-dir.js';

/** How much of a kept output is read and written at a time: one buffer, reused, is four times faster than fresh megabytes (no page faults). */
const SLICE = 1 << 16;

/** One output of a run's libraries, kept whole in the cache. */
export interface OutputCache {
  /**
   * Writes the kept output through `write`, a slice at a time, in one buffer
   * that the next slice reuses (`write` must be done with it when it returns);
   * false, having written nothing, when none is kept.
   */
  copyTo(write: (bytes: Uint8Array) => void): boolean;
  /** Keeps `bytes`, everything that was printed, for the next run. */
  keep(bytes: readonly Uint8Array[]): void;
}

/**
 * The cache entry of one output (`what`: "list --json") of these libraries,
 * for output that depends on nothing else and costs more to make than to copy
 * (`list --json` at tens of thousands of drugs writes each one's origin into
 * its entry). It is keyed by each library's list state (LibraryReader.listState)
 * and place, so any other state of any of them is another entry: an entry is
 * never stale. Entries sit in the cache folders of cache-dir.ts, private to
 * the user. Undefined when a library has no state to key by, or the cache
 * cannot be trusted.
 */
export function outputCache(catalog: Catalog, env: NodeJS.ProcessEnv, what: string): OutputCache | undefined {
  const states = catalog.map((library) => library.listState());
  const places = catalog.map((library) => library.place);
  if (states.some((state) => state === undefined) || places.some((place) => place === undefined)) return undefined;
  const folder = resolve(places[0]!.folder);
  const cache = cacheDir(env, 'outputs', folder);
  if (!cache.usable) return undefined;
  const key = [cacheVersion(), what, ...catalog.map((_, i) => `${states[i]}\t${resolve(places[i]!.folder)}\t${JSON.stringify(places[i])}`)];
  const name = digest(key.join('\n'));
  const entry = join(cache.dir, name);
  return {
    copyTo(write) {
      const opened = openEntry(entry);
      if (!opened) return false;
      const { fd, size } = opened;
      const buffer = Buffer.allocUnsafe(Math.min(SLICE, size));
      try {
        // An entry is published whole and never changed, so the open file holds all of it.
        for (let at = 0; at < size; ) {
          const length = Math.min(SLICE, size - at);
          readSlice(fd, entry, buffer, at, length);
          write(buffer.subarray(0, length));
          at += length;
        }
        return true;
      } finally {
        closeSync(fd);
      }
    },
    keep(bytes) {
      try {
        publishEntryFile(cache, folder, name, Buffer.concat(bytes));
      } catch {
        // An unwritable cache only costs speed.
      }
    },
  };
}

/** Reads `length` bytes of the entry from `at` into `buffer`: a read that fails once output has begun fails the run, with one line. */
function readSlice(fd: number, entry: string, buffer: Buffer, at: number, length: number): void {
  let why: string | undefined;
  try {
    if (readSync(fd, buffer, 0, length, at) !== length) why = 'shorter than it was';
  } catch (error) {
    why = (error as NodeJS.ErrnoException).code ?? 'unreadable';
  }
  if (why !== undefined) throw new DataError(entry, '', `a medinfo cache entry could not be read (${why}); delete it and run again`);
}

/** The entry's file, opened, and its size; undefined when there is no such plain file. */
function openEntry(entry: string): { fd: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(entry, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stat = fstatSync(fd);
    if (stat.isFile()) return { fd, size: stat.size };
  } catch {
    // not kept, or not readable: made again
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}
