import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root, complaints } from './run';

// A folder changed less than two seconds before a run is compiled but not cached
// (a second edit in the same clock tick could keep every stamp), so the folders
// these tests read from the cache are made once and left to settle.
const SETTLE_MS = 2100;
const fixture = join(root, 'test', 'fixtures', 'user-folder');

let base: string;
let stable: string;
let edited: string;
let doomed: string;
let cache: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-folder-cache-'));
  stable = join(base, 'stable');
  edited = join(base, 'edited');
  doomed = join(base, 'doomed');
  for (const folder of [stable, edited, doomed]) cpSync(fixture, folder, { recursive: true });
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
    expect(cached.stderr).toContain('broken.md:4: classes[0]');
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
    const show = () => medinfo(['--data-dir', stable, 'show', 'imovane'], { XDG_CACHE_HOME: cache }, { launcher });

    expect(show().stdout).toMatch(/^Zopiclone\n/);
    expect(entries()).toHaveLength(1);

    writeFileSync(join(install, 'data', 'zopiclone-bundled.md'), variant('zopiclone-bundled', 'Zopiclone (bundled)', 'Imovane'));
    execFileSync(process.execPath, [join(install, 'dist', 'build.cjs')], { cwd: install, stdio: 'ignore' });

    const after = show();
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^Zopiclone \(bundled\)\n/);
    expect(after.stderr).toContain('zopiclone.md:5: brands[0]: "Imovane" already names zopiclone-bundled (skipped)');
  });
});

describe('a damaged folder cache', () => {
  const warning = () => `medinfo: warning: ${join(stable, 'broken.md')}:4: classes[0]: "not-a-real-class" is not a known class tag (medinfo classes lists them) (skipped)\n`;

  /** Caches the stable folder, damages its entry with `damage`, and expects `args` to answer as before, with only the usual warning. */
  function answersAsBefore(args: string[], damage: (entry: string) => void) {
    const before = run(stable, args);
    expect(before.code).toBe(0);
    expect(complaints(before.stderr)).toBe(warning());
    const [entry] = entries();
    expect(entry, 'the folder was cached').toBeDefined();
    damage(entry!);
    const after = run(stable, args);
    expect(after).toEqual(before);
  }

  it('a truncated drug record, read halfway through show, is rebuilt', () => {
    answersAsBefore(['show', 'zopiclone'], (entry) => truncateSync(join(entry, 'drugs', 'zopiclone.json'), 100));
  });

  it('a truncated search file, read halfway through search, is rebuilt', () => {
    answersAsBefore(['search', 'zopiclone', 'insomnia'], (entry) => truncateSync(join(entry, 'search', 'prose-0.txt'), 1));
    answersAsBefore(['search', 'imovan'], (entry) => truncateSync(join(entry, 'names', 'phrases.idx'), 10));
  });

  it('garbage in every file, a wrong-shaped record, or missing files are rebuilt', () => {
    answersAsBefore(['show', 'imovane'], (entry) =>
      execFileSync('find', [entry, '-name', '*.json', '-exec', 'sh', '-c', 'echo garbage > "$1"', '_', '{}', ';']),
    );
    answersAsBefore(['show', 'imovane'], (entry) => writeFileSync(join(entry, 'manifest.json'), '[]'));
    answersAsBefore(['show', 'imovane'], (entry) => writeFileSync(join(entry, 'drugs', 'zopiclone.json'), '{"monograph": null}'));
    answersAsBefore(['show', 'imovane'], (entry) => rmSync(join(entry, 'names', '0.txt')));
    answersAsBefore(['list'], (entry) => rmSync(join(entry, 'drugs.json')));
  });

  /** A copy of the entry whose record claims another brand: what a planted link would serve. */
  function poisoned(entry: string): string {
    const copy = join(base, `poison-${Date.now()}`);
    cpSync(entry, copy, { recursive: true });
    const record = join(copy, 'drugs', 'zopiclone.json');
    writeFileSync(record, readFileSync(record, 'utf8').replaceAll('Zimovane', 'Poisoned'));
    return copy;
  }

  it('an entry replaced by a symbolic link is not followed, and is replaced by a real one', () => {
    answersAsBefore(['show', 'zopiclone'], (entry) => {
      const copy = poisoned(entry);
      rmSync(entry, { recursive: true });
      symlinkSync(copy, entry);
    });
    const [entry] = entries();
    expect(lstatSync(entry!).isSymbolicLink()).toBe(false);
  });

  it('a file in an entry replaced by a symbolic link is not followed', () => {
    answersAsBefore(['show', 'zopiclone'], (entry) => {
      const record = join(entry, 'drugs', 'zopiclone.json');
      const copy = poisoned(entry);
      rmSync(record);
      symlinkSync(join(copy, 'drugs', 'zopiclone.json'), record);
    });
  });

  it('a cache folder replaced by a symbolic link is not followed', () => {
    answersAsBefore(['show', 'zopiclone'], (entry) => {
      const folder = dirname(entry);
      const copy = join(base, `poison-folder-${Date.now()}`);
      mkdirSync(copy);
      cpSync(poisoned(entry), join(copy, entry.slice(folder.length + 1)), { recursive: true });
      rmSync(folder, { recursive: true });
      symlinkSync(copy, folder);
    });
    expect(lstatSync(dirname(entries()[0]!)).isSymbolicLink()).toBe(false);
  });

  it('a temporary folder left by a killed run is harmless, and cleared by a later compile', () => {
    const stray = () => readdirSync(dirname(entries()[0]!)).filter((name) => name.includes('.tmp-'));
    answersAsBefore(['show', 'zopiclone'], (entry) => {
      for (const name of [`${entry}.tmp-${process.pid}`, `${entry}.tmp-1`]) {
        mkdirSync(join(name, 'drugs'), { recursive: true });
        writeFileSync(join(name, 'drugs', 'zopiclone.json'), '{"trunc');
        const old = new Date(Date.now() - 120_000);
        utimesSync(name, old, old);
      }
    });
    expect(stray()).toHaveLength(2);
    rmSync(entries()[0]!, { recursive: true });
    expect(run(stable, ['show', 'zopiclone']).code).toBe(0);
    expect(stray()).toEqual([]);
  });

  it('makes its folders private to the user', () => {
    run(stable, ['list']);
    const [entry] = entries();
    for (const path of [join(cache, 'medinfo', 'folders'), dirname(entry!), entry!]) expect(statSync(path).mode & 0o777, path).toBe(0o700);
  });

  it('removes the entries of a folder that no longer exists, on a later run that compiles', () => {
    run(doomed, ['list']);
    const [gone] = entries();
    expect(gone).toBeDefined();
    rmSync(doomed, { recursive: true });
    run(stable, ['list']);
    expect(existsSync(dirname(gone!))).toBe(false);
    expect(entries()).toHaveLength(1);
  });
});
