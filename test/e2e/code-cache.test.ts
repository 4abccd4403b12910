import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medinfo } from './run';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-code-cache-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('the start-up code cache', () => {
  it('is written per command on a first run, and later runs print the same bytes', () => {
    const env = { XDG_CACHE_HOME: base };
    const first = medinfo(['show', 'baclofen'], env);
    medinfo(['search', 'baclofin'], env);
    const builds = readdirSync(join(base, 'medinfo', 'code'));
    expect(builds).toHaveLength(1);
    expect(readdirSync(join(base, 'medinfo', 'code', builds[0]!)).sort()).toEqual(['search.bin', 'show.bin']);
    expect(medinfo(['show', 'baclofen'], env)).toEqual(first);
  });

  it('a damaged cache file is ignored and written again', () => {
    const env = { XDG_CACHE_HOME: base };
    const first = medinfo(['show', 'baclofin'], env);
    const build = readdirSync(join(base, 'medinfo', 'code'))[0]!;
    writeFileSync(join(base, 'medinfo', 'code', build, 'show.bin'), 'not a code cache');
    expect(medinfo(['show', 'baclofin'], env)).toEqual(first);
    expect(first.code).toBe(1);
  });

  it('an unwritable cache folder only costs speed', () => {
    const file = join(base, 'not-a-folder');
    writeFileSync(file, '');
    const { stdout, stderr, code } = medinfo(['show', 'baclofen'], { XDG_CACHE_HOME: file });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Baclofen\n/);
  });
});
