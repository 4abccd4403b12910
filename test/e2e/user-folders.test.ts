import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

// A pharmacist's folders: MEDINFO_PATH names a formulary with one drug of its own (zopiclone) and
// a local baclofen.md whose drowsiness figure is 0.1%; a --data-dir folder holds another baclofen.
const base = mkdtempSync(join(tmpdir(), 'medinfo-user-folders-'));
const formulary = join(base, 'formulary');
const override = join(base, 'override');
const cache = join(base, 'cache');
mkdirSync(formulary);
mkdirSync(override);
afterAll(() => rmSync(base, { recursive: true, force: true }));

const fixture = readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8');
writeFileSync(join(formulary, 'zopiclone.md'), fixture);
const localBaclofen = (name: string) =>
  fixture
    .replace('slug: zopiclone', 'slug: baclofen')
    .replace('name: Zopiclone', `name: ${name}`)
    .replace('brands: [Imovane, Zimovane]', 'brands: []')
    .replace('{effect: drowsiness, frequency: common, source: test-fixture}', '{effect: drowsiness, percent: 0.1, source: test-fixture}');
writeFileSync(join(formulary, 'baclofen.md'), localBaclofen('Baclofen'));
writeFileSync(join(override, 'baclofen.md'), localBaclofen('Baclofen (override)'));

const run = (args: string[], env: Record<string, string | undefined> = {}) => medinfo(args, { XDG_CACHE_HOME: cache, MEDINFO_PATH: formulary, ...env });

describe('MEDINFO_PATH', () => {
  it('adds a folder whose new drug shows up in show, search and list', () => {
    const shown = run(['show', 'imovane']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^Zopiclone\n/);
    expect(run(['search', 'zopiclone']).stdout.split('\n').map((line) => line.split('\t')[0])).toContain('zopiclone');
    expect(run(['list']).stdout).toContain('zopiclone\tZopiclone\t');
    expect(run(['list', '--names']).stdout.split('\n')).toContain('zopiclone');
  });

  it('reads its folders in order, ignoring empty entries, and after every --data-dir folder', () => {
    const empty = join(base, 'empty');
    mkdirSync(empty, { recursive: true });
    const emptyEntries = run(['show', 'baclofen'], { MEDINFO_PATH: `::${override}:${formulary}:` });
    expect(emptyEntries.stdout).toMatch(/^Baclofen \(override\)\n/);
    expect(emptyEntries.stderr).toBe('');
    expect(run(['show', 'baclofen'], { MEDINFO_PATH: `${formulary}:${override}` }).stdout).toMatch(/^Baclofen\n/);
    expect(run(['--data-dir', override, 'show', 'baclofen']).stdout).toMatch(/^Baclofen \(override\)\n/);
    expect(run(['--data-dir', empty, 'show', 'zopiclone']).code).toBe(0);
  });

  it('skips a folder that does not exist with one warning, and goes on', () => {
    const missing = join(base, 'no-such-folder');
    const result = run(['show', 'imovane'], { MEDINFO_PATH: `${missing}:${formulary}` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Zopiclone\n/);
    expect(result.stderr).toBe(`medinfo: warning: MEDINFO_PATH: "${missing}" is not a folder that can be read (skipped)\n`);
  });

  it('leaves a missing --data-dir folder an error (exit 2)', () => {
    const missing = join(base, 'no-such-folder');
    const result = run(['--data-dir', missing, 'show', 'baclofen']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`medinfo: --data-dir: "${missing}" is not a folder that can be read\n`);
  });
});

describe('medinfo paths', () => {
  const bundled = join(root, 'dist', 'library');
  const bundledCount = medinfo(['list', '--names']).stdout.trim().split('\n').length;

  it('prints the folders read, in order, the bundled library last, as TSV with one header line when piped', () => {
    const { stdout, stderr, code } = run(['--data-dir', override, 'paths']);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe(
      [
        'Folder\tFrom\tKind\tDrugs\tReplaces\tShadowed',
        `${override}\t--data-dir\tfolder\t1\t1\t0`,
        `${formulary}\tMEDINFO_PATH\tfolder\t2\t0\t1`,
        `${bundled}\tbundled\tbundled\t${bundledCount}\t0\t1`,
        '',
      ].join('\n'),
    );
  });

  it('reads a folder named twice once, where it was first named', () => {
    const { stdout } = run(['--data-dir', formulary, 'paths'], { MEDINFO_PATH: `${formulary}:${formulary}/` });
    expect(stdout.split('\n').filter((line) => line.startsWith(formulary))).toEqual([`${formulary}\t--data-dir\tfolder\t2\t1\t0`]);
  });

  it('--json gives the same rows as data', () => {
    const { stdout, code } = run(['paths', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { folder: formulary, from: 'MEDINFO_PATH', kind: 'folder', drugs: 2, replaces: 1, shadowed: 0 },
      { folder: bundled, from: 'bundled', kind: 'bundled', drugs: bundledCount, replaces: 0, shadowed: 1 },
    ]);
  });

  it('with no folders of the user\'s, lists the bundled library alone', () => {
    expect(run(['paths'], { MEDINFO_PATH: undefined }).stdout).toBe(`Folder\tFrom\tKind\tDrugs\tReplaces\tShadowed\n${bundled}\tbundled\tbundled\t${bundledCount}\t0\t0\n`);
  });
});

describe('a user monograph that replaces a bundled one is marked where it is shown', () => {
  const replaced = { kind: 'folder', folder: formulary, file: 'baclofen.md', replaces_bundled: true };

  it('show and side-effects name the file and say that it replaces the bundled monograph', () => {
    const shown = run(['show', 'baclofen']);
    expect(shown.stdout).toMatch(new RegExp(`^Baclofen\\nFrom ${formulary}/baclofen\\.md, which replaces the bundled monograph\\n`));
    const effects = run(['side-effects', 'baclofen']);
    expect(effects.stdout).toMatch(new RegExp(`^Baclofen — side effects\\nFrom ${formulary}/baclofen\\.md, which replaces the bundled monograph\\n`));
    expect(effects.stdout).toContain('drowsiness\t0.1%');
  });

  it('a new drug names its file too, and a bundled drug has no such line', () => {
    expect(run(['show', 'zopiclone']).stdout).toMatch(new RegExp(`^Zopiclone\\nFrom ${formulary}/zopiclone\\.md\\nBrands: `));
    expect(run(['show', 'zolpidem']).stdout).toMatch(/^Zolpidem\nBrands: /);
  });

  it('every JSON record carries its origin', () => {
    const json = (args: string[]) => JSON.parse(run(args).stdout);
    expect(json(['show', 'baclofen', '--json']).origin).toEqual(replaced);
    expect(json(['show', 'baclofen', '--section', 'overview', '--json']).origin).toEqual(replaced);
    expect(json(['side-effects', 'baclofen', '--json']).origin).toEqual(replaced);
    expect(json(['studies', 'baclofen', '--json']).origin).toEqual(replaced);
    expect(json(['show', 'zolpidem', '--json']).origin).toEqual({ kind: 'bundled' });
    const listed = json(['list', '--json']) as Array<{ slug: string; origin: unknown }>;
    expect(listed.find((drug) => drug.slug === 'baclofen')?.origin).toEqual(replaced);
    expect(listed.find((drug) => drug.slug === 'zopiclone')?.origin).toEqual({ kind: 'folder', folder: formulary, file: 'zopiclone.md', replaces_bundled: false });
    expect(listed.find((drug) => drug.slug === 'zolpidem')?.origin).toEqual({ kind: 'bundled' });
    expect((json(['search', 'zopiclone', '--json']) as Array<{ slug: string; origin: unknown }>).find((row) => row.slug === 'zopiclone')?.origin).toMatchObject({ file: 'zopiclone.md' });
    const lines = run(['side-effects', 'baclofen', 'zolpidem', '--json']).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((record) => record.origin)).toEqual([replaced, { kind: 'bundled' }]);
    expect(json(['interactions', 'baclofen', 'zolpidem', '--json']).drugs.map((drug: { origin: unknown }) => drug.origin)).toEqual([replaced, { kind: 'bundled' }]);
  });

  it('a library made by medinfo compile is named as such', () => {
    const library = join(base, 'formulary.lib');
    expect(medinfo(['compile', formulary, library], { XDG_CACHE_HOME: cache }).code).toBe(0);
    const shown = run(['show', 'baclofen', '--json'], { MEDINFO_PATH: library });
    expect(JSON.parse(shown.stdout).origin).toEqual({ kind: 'library', folder: library, replaces_bundled: true });
    expect(run(['show', 'baclofen'], { MEDINFO_PATH: library }).stdout).toMatch(new RegExp(`^Baclofen\\nFrom the library ${library}, which replaces the bundled monograph\\n`));
  });
});
