import type { BigIntStats } from 'node:fs';

/**
 * What a file's stat says about its content, as git's index keeps it: size,
 * modification and change times in nanoseconds, inode and device. Any write
 * moves the change time, which no one can set back, so an edit that keeps the
 * size and the modification time (touch -d, cp -p, utimes) still gives a new stamp.
 */
export function stampOf(stat: BigIntStats | undefined): string {
  // In base 36: a cached run digests one stamp per file, so every character costs.
  return stat ? `${stat.size.toString(36)} ${stat.mtimeNs.toString(36)} ${stat.ctimeNs.toString(36)} ${stat.ino.toString(36)} ${stat.dev.toString(36)}` : 'missing';
}

// File systems keep times in ticks, FAT's as coarse as two seconds.
const SETTLE_NS = 2_000_000_000n;

/**
 * False when a file's change time (in `changedNs`, one per file) is so shortly
 * before `startedMs` (when the stamps were taken, before the files were read)
 * that a second edit in the same tick of the file system's clock could keep its
 * stamp. A result computed from such files must not be cached under their
 * stamps (git calls this "racily clean").
 */
export function allSettled(changedNs: Iterable<bigint | undefined>, startedMs: number): boolean {
  const before = BigInt(startedMs) * 1_000_000n - SETTLE_NS;
  for (const ns of changedNs) if (ns === undefined || ns >= before) return false;
  return true;
}
