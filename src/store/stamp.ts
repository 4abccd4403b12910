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
 * False when a file's change time `changedNs` is so shortly before `startedMs`
 * (when its stamp was taken, before it was read) that a second edit in the same
 * tick of the file system's clock could keep the stamp. A result computed from
 * such a file must not be cached under its stamp (git calls this "racily clean").
 */
export function isSettled(changedNs: bigint | undefined, startedMs: number): boolean {
  return changedNs !== undefined && changedNs < BigInt(startedMs) * 1_000_000n - SETTLE_NS;
}
