import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

// A folder changed less than two seconds before a run is compiled but not cached
// (a second edit in the same clock tick could keep every stamp), so the folders
// these tests read from the cache are made once and left to settle.
const SETTLE_MS = 2100;
const fixture = join(root, 'test', 'fixtures', 'user-folder');

let base: string;
let stable: string;
let edited: string;
let cache: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-folder-cache-'));
  stable = join(base, 'stable');
  edited = join(base, 'edited');
  for (const folder of [stable, edited]) cpSync(fixture, folder, { recursive: true });
  // Whole seconds, so the test can set the very same times back after an edit.
  utimesSync(join(edited, 'zopiclone.md'), 1_700_000_000, 1_700_000_000);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}, 10_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => {
  cache = mkdtempSync(join(base, 'cache-'));
});

const run = (folder: string, args: string[]) => medinfo(['--data-dir', folder, ...args], { XDG_CACHE_HOME: cache });

/** The compiled entries in the cache, one per state of a folder seen. */
function entries(): string[] {
  const folders = join(cache, 'medinfo', 'folders');
  if (!existsSync(folders)) return [];
  return readdirSync(folders).flatMap((digest) =>
    readdirSync(join(folders, digest))
      .filter((name) => /^[0-9a-f]{16}$/.test(name))
      .map((name) => join(folders, digest, name)),
  );
}

/** The fixture monograph under another slug, name and brand list. */
function variant(slug: string, name: string, brands: string): string {
  return readFileSync(join(fixture, 'zopiclone.md'), 'utf8')
    .replace('slug: zopiclone', `slug: ${slug}`)
    .replace('name: Zopiclone', `name: ${name}`)
    .replace('brands: [Imovane, Zimovane]', `brands: [${brands}]`);
}

describe('the folder cache', () => {
  it('serves a settled folder from the cache, and keeps reporting its invalid file', () => {
    const first = run(stable, ['show', 'imovane']);
    expect(entries()).toHaveLength(1);
    const cached = run(stable, ['show', 'imovane']);
    expect(cached).toEqual(first);
    expect(cached.stdout).toMatch(/^Zopiclone\n/);
    expect(cached.stderr).toContain('broken.md: classes[0]');
  });

  it('rebuilds an entry whose every file is garbage instead of failing', () => {
    run(stable, ['list']);
    for (const entry of entries()) execFileSync('find', [entry, '-name', '*.json', '-exec', 'sh', '-c', 'echo garbage > "$1"', '_', '{}', ';']);
    const { stdout, stderr, code } = run(stable, ['show', 'zopiclone']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Zopiclone\n/);
    expect(stderr).not.toContain('damaged');
  });

  it('picks up an edit that keeps the size and the modification time', () => {
    const file = join(edited, 'zopiclone.md');
    expect(run(edited, ['show', 'zopiclone']).stdout).toContain('Brands: Imovane, Zimovane');
    expect(entries()).toHaveLength(1);

    const before = statSync(file, { bigint: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('Zimovane', 'Zimovan2'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);

    expect(run(edited, ['show', 'zopiclone']).stdout).toContain('Brands: Imovane, Zimovan2');
  });

  it('does not cache a folder changed moments ago, whose stamps a second edit could keep', () => {
    const fresh = join(base, 'fresh');
    cpSync(fixture, fresh, { recursive: true });
    expect(run(fresh, ['show', 'imovane']).stdout).toMatch(/^Zopiclone\n/);
    expect(entries()).toEqual([]);
    rmSync(fresh, { recursive: true });
  });

  it('compiles the folder again when the bundled library changes under the same version', () => {
    // A copy of the installed CLI whose bundled library is rebuilt with a drug that takes the folder's brand.
    const install = join(base, 'install');
    for (const part of ['bin', 'dist', 'data']) cpSync(join(root, part), join(install, part), { recursive: true });
    const launcher = join(install, 'bin', 'medinfo');
    const show = () => medinfo(['--data-dir', stable, 'show', 'imovane'], { XDG_CACHE_HOME: cache }, launcher);

    expect(show().stdout).toMatch(/^Zopiclone\n/);
    expect(entries()).toHaveLength(1);

    writeFileSync(join(install, 'data', 'zopiclone-bundled.md'), variant('zopiclone-bundled', 'Zopiclone (bundled)', 'Imovane'));
    execFileSync(process.execPath, [join(install, 'dist', 'build.cjs')], { cwd: install, stdio: 'ignore' });

    const after = show();
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^Zopiclone \(bundled\)\n/);
    expect(after.stderr).toContain('zopiclone.md: name: "Imovane" already names zopiclone-bundled (skipped)');
  });
});
