import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

// A user folder whose baclofen.md replaces the bundled baclofen: no brands, not a muscle relaxant.
const base = mkdtempSync(join(tmpdir(), 'medinfo-user-copy-'));
const folder = join(base, 'drugs');
mkdirSync(folder);
writeFileSync(
  join(folder, 'baclofen.md'),
  readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8')
    .replace('slug: zopiclone', 'slug: baclofen')
    .replace('name: Zopiclone', 'name: Baclofen (local)')
    .replace('brands: [Imovane, Zimovane]', 'brands: []'),
);
afterAll(() => rmSync(base, { recursive: true, force: true }));
const run = (args: string[]) => medinfo(['--data-dir', folder, ...args], { XDG_CACHE_HOME: join(base, 'cache') });

describe('a user folder\'s copy of a bundled drug', () => {
  it('is the only baclofen search knows: listed once, with what matched in the copy', () => {
    const rows = run(['search', 'baclofen']).stdout.split('\n').filter((line) => line.startsWith('baclofen\t'));
    expect(rows).toEqual(['baclofen\tname: Baclofen (local)\tA fixture monograph used by the tests of user folders.']);
  });

  it('is not found by a brand that only the bundled monograph has', () => {
    const { stdout, code } = run(['search', 'lioresal', '--json']);
    expect(code).toBe(1);
    expect(stdout).not.toContain('"baclofen"');
  });

  it('drops out of topic searches the bundled monograph matched', () => {
    const slugs = run(['search', 'muscle', 'relaxant', '--limit', '20']).stdout.split('\n').map((line) => line.split('\t')[0]);
    expect(slugs).toContain('tizanidine');
    expect(slugs).not.toContain('baclofen');
  });
});

describe('how many drugs a search found, with a user folder', () => {
  it('counts the copy once, and the bundled drug it replaces not at all', () => {
    for (const query of [['muscle', 'relaxant'], ['drowsiness'], ['dry', 'mouth']]) {
      const all = JSON.parse(run(['search', ...query, '--json', '--limit', '500']).stdout) as unknown[];
      const line = run(['search', ...query, '--limit', '1']).stderr.trimEnd().split('\n').pop();
      expect(line, query.join(' ')).toMatch(new RegExp(`^showing 1 of ${all.length}; `));
    }
  });
});
