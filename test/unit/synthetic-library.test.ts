import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brandStemOf, stemOf, writeSyntheticLibrary } from '../../scripts/synthetic-library.mjs';

let base: string | undefined;
afterEach(() => {
  if (base) rmSync(base, { recursive: true, force: true });
  base = undefined;
});

describe('the synthetic library for benchmarks', () => {
  it('has a name of its own for each of 100,000 drugs, and a brand of its own', () => {
    // The benchmark asks for 50,000; three syllables of 32 stop at 32,768.
    const count = 100_000;
    const stems = new Set(Array.from({ length: count }, (_, i) => stemOf(i)));
    const brands = new Set(Array.from({ length: count }, (_, i) => brandStemOf(i)));
    expect(stems.size).toBe(count);
    expect(brands.size).toBe(count);
  });

  it('spells the first 32,768 names as it always did, so older benchmark folders stay valid', () => {
    expect([stemOf(0), stemOf(1), stemOf(32), stemOf(32_767)]).toEqual(['bababa', 'bebaba', 'babeba', 'rororo']);
    expect(stemOf(32_768)).toBe('babababe');
  });

  it('writes as many files as asked for, each a monograph named after its file', () => {
    base = mkdtempSync(join(tmpdir(), 'medinfo-synthetic-'));
    writeSyntheticLibrary(40, base);
    const files = readdirSync(base);
    expect(files).toHaveLength(40);
    for (const file of files) expect(readFileSync(join(base, file), 'utf8')).toContain(`\nslug: ${file.slice(0, -3)}\n`);
  });
});
