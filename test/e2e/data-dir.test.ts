import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

let folder: string;
let cache: string;
const run = (args: string[]) => medinfo(['--data-dir', folder, ...args], { XDG_CACHE_HOME: cache });

beforeEach(() => {
  const base = mkdtempSync(join(tmpdir(), 'medinfo-test-'));
  folder = join(base, 'drugs');
  cache = join(base, 'cache');
  cpSync(join(root, 'test', 'fixtures', 'user-folder'), folder, { recursive: true });
});

/** The fixture monograph under another slug, name and brand list. */
function variant(slug: string, name: string, brands: string): string {
  return readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8')
    .replace('slug: zopiclone', `slug: ${slug}`)
    .replace('name: Zopiclone', `name: ${name}`)
    .replace('brands: [Imovane, Zimovane]', `brands: [${brands}]`);
}

afterEach(() => {
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

describe('--data-dir', () => {
  it('adds the folder\'s monographs to the bundled ones, by name and brand', () => {
    const { stdout, code } = run(['show', 'imovane']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Zopiclone\n/);
    expect(run(['show', 'baclofen']).code).toBe(0);
    expect(run(['list']).stdout).toContain('zopiclone\tZopiclone\t');
  });

  it('reports an invalid file on stderr with its name and field, skips it, and goes on', () => {
    const { stderr, code } = run(['show', 'zopiclone']);
    expect(code).toBe(0);
    expect(stderr).toBe(`medinfo: warning: ${join(folder, 'broken.md')}:4: classes[0]: "not-a-real-class" is not a known class tag (medinfo classes lists them) (skipped)\n`);
    expect(run(['show', 'broken']).code).toBe(1);
  });

  it('a missing folder is a usage error (exit 2)', () => {
    const { stderr, code } = medinfo(['--data-dir', join(folder, 'nope'), 'list'], { XDG_CACHE_HOME: cache });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^medinfo: --data-dir: ".*nope" is not a folder that can be read\n$/);
  });

  it('notices an edited, an added and a removed file on the next run', () => {
    expect(run(['show', 'zopiclone']).stdout).toContain('Brands: Imovane, Zimovane');
    const file = join(folder, 'zopiclone.md');
    // Same size and the same mtime second would be invisible to a size+mtime check; a real edit changes one.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Zimovane', 'Zimovan2'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(run(['show', 'zopiclone']).stdout).toContain('Brands: Imovane, Zimovan2');

    writeFileSync(join(folder, 'other.md'), variant('other', 'Other', 'Otherbrand'));
    expect(run(['show', 'otherbrand']).code).toBe(0);

    rmSync(join(folder, 'other.md'));
    expect(run(['show', 'otherbrand']).code).toBe(1);
  });

  it('still works when the cache folder cannot be written', () => {
    writeFileSync(cache, 'not a folder');
    const { stdout, code } = run(['show', 'imovane']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Zopiclone\n/);
  });

  it('a user monograph with a bundled drug\'s slug replaces it; one that takes a bundled name is skipped', () => {
    writeFileSync(join(folder, 'baclofen.md'), variant('baclofen', 'Baclofen (local copy)', 'Mybac'));
    writeFileSync(join(folder, 'thief.md'), variant('thief', 'Thief', 'Lioresal2, Kemstro'));
    const shown = run(['show', 'lioresal']);
    expect(shown.stdout).toMatch(/^Baclofen \(local copy\)\n/);
    expect(shown.stderr).toContain('thief.md:5: brands[1]: "Kemstro" already names baclofen (skipped)');
  });

  it('four runs at once on an empty cache all answer correctly', async () => {
    const once = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [join(root, 'bin', 'medinfo'), '--data-dir', folder, 'show', 'imovane'], {
          env: { ...process.env, XDG_CACHE_HOME: cache },
        });
        let stdout = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const results = await Promise.all([once(), once(), once(), once()]);
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Zopiclone\n/);
    }
  });
});
