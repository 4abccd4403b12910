import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { DataError } from '../core/errors.js';

/** The largest monograph medinfo reads, in bytes (1 MiB); real ones are a few kilobytes. */
export const MAX_MONOGRAPH_BYTES = 1_048_576;

/**
 * Reads a monograph file as UTF-8. Only a regular file (or a symbolic link to
 * one) of at most `limit` bytes is read, and never more than `limit + 1` bytes
 * of it: a FIFO, a device, a socket, a folder, a link loop or an unreadable
 * file is a DataError naming `label` and the reason, not a hang or a crash.
 */
export function readMonographFile(path: string, label: string, limit = MAX_MONOGRAPH_BYTES): string {
  // stat first, so that a device or FIFO is never even opened (opening some devices does things).
  refuseUnlessRegular(statOrFail(path, label), label, limit);
  let fd: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw new DataError(label, '', reasonFor(error));
  }
  try {
    const stat = fstatSync(fd);
    refuseUnlessRegular(stat, label, limit);
    return readAtMost(fd, stat.size, limit, label).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function statOrFail(path: string, label: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new DataError(label, '', reasonFor(error));
  }
}

function refuseUnlessRegular(stat: Stats, label: string, limit: number): void {
  if (!stat.isFile()) throw new DataError(label, '', `is ${kindOf(stat)}, not a regular file`);
  if (stat.size > limit) throw tooLarge(label, limit, stat.size);
}

/** Reads to the end of the file or to `limit + 1` bytes, whichever comes first: the file may have grown since its stat. */
function readAtMost(fd: number, size: number, limit: number, label: string): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, size + 1));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (buffer.length > limit) throw tooLarge(label, limit);
      const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    let read: number;
    try {
      read = readSync(fd, buffer, total, buffer.length - total, null);
    } catch (error) {
      throw new DataError(label, '', reasonFor(error));
    }
    if (read === 0) return buffer.subarray(0, total);
    total += read;
  }
}

function tooLarge(label: string, limit: number, size?: number): DataError {
  const most = `the ${limit.toLocaleString('en-US')} bytes a monograph may have`;
  return new DataError(label, '', size === undefined ? `is more than ${most}` : `is ${size.toLocaleString('en-US')} bytes, more than ${most}`);
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'something else';
}

function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ELOOP':
      return 'is a symbolic link that loops (or passes through too many links)';
    case 'ENOENT':
      return 'does not exist (a symbolic link to nothing, or removed while being read)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a regular file';
    case 'ENXIO':
      return 'is a socket or a device, not a regular file';
    case undefined:
      throw error;
    default:
      return `cannot be read (${code})`;
  }
}
