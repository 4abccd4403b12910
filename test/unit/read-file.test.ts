import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MONOGRAPH_BYTES, readMonographFile } from '../../src/compile/read-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'medinfo-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function problem(path: string, limit?: number): string {
  try {
    readMonographFile(path, 'x.md', limit);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('reading a monograph file', () => {
  it('caps a monograph at 1 MiB', () => {
    expect(MAX_MONOGRAPH_BYTES).toBe(1_048_576);
  });

  it('reads a file of exactly the cap, and refuses one byte more', () => {
    writeFileSync(join(dir, 'exact.md'), 'a'.repeat(64));
    expect(readMonographFile(join(dir, 'exact.md'), 'exact.md', 64)).toBe('a'.repeat(64));
    writeFileSync(join(dir, 'over.md'), 'a'.repeat(65));
    expect(problem(join(dir, 'over.md'), 64)).toBe('x.md: is 65 bytes, more than the 64 bytes a monograph may have');
  });

  it('reads UTF-8 through a symbolic link to a regular file', () => {
    writeFileSync(join(dir, 'real.md'), 'Zopiclone — ÄÖ');
    symlinkSync('real.md', join(dir, 'link.md'));
    expect(readMonographFile(join(dir, 'link.md'), 'link.md')).toBe('Zopiclone — ÄÖ');
  });

  // A FIFO is tested end to end (test/e2e/hostile-data.test.ts), where a regression
  // that blocked on it would fail one run instead of hanging this test process.
  it('names what it refuses in plain words', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    expect(problem(join(dir, 'zero.md'))).toBe('x.md: is a device, not a regular file');
    mkdirSync(join(dir, 'folder.md'));
    expect(problem(join(dir, 'folder.md'))).toBe('x.md: is a folder, not a regular file');
    symlinkSync('loop.md', join(dir, 'loop.md'));
    expect(problem(join(dir, 'loop.md'))).toBe('x.md: is a symbolic link that loops (or passes through too many links)');
    symlinkSync('nowhere', join(dir, 'dangling.md'));
    expect(problem(join(dir, 'dangling.md'))).toMatch(/^x\.md: does not exist/);
  });
});
