import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESCAPE, medinfo, root } from './run';

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

  it('prints the folders read, in order, the bundled library last; piped, the rows alone on stdout', () => {
    const { stdout, stderr, code } = run(['--data-dir', override, 'paths']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `${override}\t--data-dir\tfolder\t1\t1\t0`,
        `${formulary}\tMEDINFO_PATH\tfolder\t2\t0\t1`,
        `${bundled}\tbundled\tbundled\t${bundledCount}\t0\t1`,
        '',
      ].join('\n'),
    );
    // The header line and the rule go to stderr, as for every table command.
    expect(stderr).toMatch(/^Folder\tFrom\tKind\tDrugs\tReplaces\tShadowed\nRead in this order: --data-dir folders, MEDINFO_PATH folders, the bundled library;/);
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
    expect(run(['paths'], { MEDINFO_PATH: undefined }).stdout).toBe(`${bundled}\tbundled\tbundled\t${bundledCount}\t0\t0\n`);
  });
});

describe('a user monograph that replaces a bundled one is marked where it is shown', () => {
  const replaced = { kind: 'folder', folder: formulary, file: 'baclofen.md', replaces_bundled: true };

  it('show and side-effects name the file and say that it replaces the bundled monograph', () => {
    const shown = run(['show', 'baclofen']);
    expect(shown.stdout).toMatch(new RegExp(`^Baclofen\\nFrom ${formulary}/baclofen\\.md, which replaces the bundled monograph\\n`));
    // Piped, the title and this line go to stderr with the other notes; stdout keeps only the rows.
    const effects = run(['side-effects', 'baclofen']);
    expect(effects.stderr).toMatch(new RegExp(`^Baclofen — side effects\\nFrom ${formulary}/baclofen\\.md, which replaces the bundled monograph\\n`));
    expect(effects.stdout).toMatch(/^drowsiness\t0\.1%\t/);
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

describe('medinfo validate', () => {
  const drafts = join(base, 'drafts');
  mkdirSync(drafts);
  // Line 6 is the classes line and line 12 the drowsiness row, as in the fixture.
  writeFileSync(
    join(drafts, 'zopiclone.md'),
    fixture
      .replace('classes: [z-drug,', 'classes: [z-drugs,')
      .replace('{effect: drowsiness, frequency: common, source: test-fixture}', '{effect: drowsiness, percent: 140, source: test-fixture}'),
  );
  // Line 5 a bundled drug's brand, line 11 a range written high to low, line 13 a source that is not the file's, line 17 an interaction with nothing.
  writeFileSync(
    join(drafts, 'mydrug.md'),
    fixture
      .replace('slug: zopiclone', 'slug: mydrug')
      .replace('name: Zopiclone', 'name: Mydrug')
      .replace('brands: [Imovane, Zimovane]', 'brands: [Mybrand, Lioresal]')
      .replace('{effect: bitter taste, frequency: common, source: test-fixture}', '{effect: bitter taste, percent: [30, 3], source: test-fixture}')
      .replace('{effect: dry mouth, frequency: common, source: test-fixture}', '{effect: dry mouth, frequency: common, source: nowhere}')
      .replace('{with: alcohol,', '{with: no-such-drug,'),
  );
  const check = (args: string[]) => medinfo(['validate', ...args], { XDG_CACHE_HOME: cache });

  it('prints each problem as file:line: field: message, by file and line, then a summary, and exits 1', () => {
    const file = join(drafts, 'zopiclone.md');
    const { stdout, stderr, code } = check([file]);
    expect(code).toBe(1);
    expect(stdout).toBe(
      `${file}:6: classes[0]: "z-drugs" is not a known class tag (did you mean z-drug? medinfo classes lists them)\n` + `${file}:12: side_effects[1].percent: must be 0–100\n`,
    );
    // Piped, the summary goes to stderr, so stdout holds only the problems.
    expect(stderr).toBe('2 problems in 1 of 1 file\n');
  });

  it('checks a folder\'s files together, each file against the format first', () => {
    const { stdout, stderr, code } = check([drafts]);
    expect(code).toBe(1);
    const mine = join(drafts, 'mydrug.md');
    expect(stdout.split('\n').filter((line) => line.startsWith(mine))).toEqual([
      `${mine}:11: side_effects[0].percent: a range must be [low, high] with low ≤ high`,
      `${mine}:13: side_effects[2].source: "nowhere" is not one of this file's sources`,
    ]);
    expect(stderr).toBe('4 problems in 2 of 2 files\n');
  });

  it('then against the bundled library: a name of another drug\'s, an interaction with nothing', () => {
    const fixed = join(base, 'fixed');
    mkdirSync(fixed, { recursive: true });
    writeFileSync(join(fixed, 'mydrug.md'), readFileSync(join(drafts, 'mydrug.md'), 'utf8').replace('[30, 3]', '[3, 30]').replace('source: nowhere', 'source: test-fixture'));
    const { stdout, code } = check([fixed]);
    expect(code).toBe(1);
    const mine = join(fixed, 'mydrug.md');
    expect(stdout).toBe(
      `${mine}:5: brands[1]: "Lioresal" already names baclofen\n` + `${mine}:17: interactions[0].with: "no-such-drug" is neither a drug in the library nor a class tag\n`,
    );
  });

  it('--json prints the structured list', () => {
    const file = join(drafts, 'zopiclone.md');
    const { stdout, code } = check([file, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      { file, line: 6, field: 'classes[0]', message: '"z-drugs" is not a known class tag (did you mean z-drug? medinfo classes lists them)' },
      { file, line: 12, field: 'side_effects[1].percent', message: 'must be 0–100' },
    ]);
  });

  it('a file that cannot be read or has no front matter is a problem without a line', () => {
    const notes = join(base, 'notes.md');
    writeFileSync(notes, '# just notes\n');
    expect(JSON.parse(check([notes, '--json']).stdout)).toEqual([{ file: notes, line: null, field: null, message: 'has no YAML front matter between --- lines' }]);
  });

  it('passes clean files and the bundled library with exit 0', () => {
    const clean = check([join(formulary, 'zopiclone.md'), formulary]);
    expect(clean).toEqual({ code: 0, stdout: '', stderr: 'no problems in 2 files\n' });
    const bundled = check([]);
    expect(bundled.code, bundled.stdout).toBe(0);
    expect(bundled.stderr).toMatch(/^no problems in \d+ files\n$/);
    expect(check(['--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('a name that is not there is a usage error (exit 2)', () => {
    const missing = join(base, 'nowhere');
    expect(check([missing])).toEqual({ code: 2, stdout: '', stderr: `medinfo: validate: "${missing}" is not a file or folder that can be read\n` });
  });
});

describe('medinfo validate, installed', () => {
  // An installed package: bin/, dist/ and data/ side by side, run from another folder.
  const install = join(base, 'install');
  mkdirSync(install);
  for (const part of ['bin', 'dist', 'data']) cpSync(join(root, part), join(install, part), { recursive: true });
  const elsewhere = join(base, 'elsewhere');
  mkdirSync(elsewhere);

  it('checks the data/ folder beside dist/, naming its files by their full path', () => {
    writeFileSync(join(install, 'data', 'baclofen.md'), readFileSync(join(root, 'data', 'baclofen.md'), 'utf8').replace('{effect: drowsiness, percent: 30,', '{effect: drowsiness, percent: 130,'));
    const { stdout, code } = medinfo(['validate'], { XDG_CACHE_HOME: cache }, { install, cwd: elsewhere });
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${join(install, 'data', 'baclofen.md')}:\\d+: side_effects\\[0\\]\\.percent: must be 0–100\\n$`));
  });

  it('says so when the monographs were not installed', () => {
    rmSync(join(install, 'data'), { recursive: true });
    const { stderr, code } = medinfo(['validate'], { XDG_CACHE_HOME: cache }, { install, cwd: elsewhere });
    expect(code).toBe(2);
    expect(stderr).toBe(`medinfo: the bundled monographs are not installed (no folder ${join(install, 'data')}); name the files or folders to validate\n`);
  });
});

describe('medinfo validate refuses what it cannot check', () => {
  it('a library made by medinfo compile', () => {
    const library = join(base, 'refused.lib');
    expect(medinfo(['compile', formulary, library], { XDG_CACHE_HOME: cache }).code).toBe(0);
    expect(medinfo(['validate', library], { XDG_CACHE_HOME: cache })).toEqual({
      code: 2,
      stdout: '',
      stderr: `medinfo: validate: "${library}" is a library made by medinfo compile; validate the folder of monographs it was compiled from\n`,
    });
  });

  it('shows a control character in a file name instead of sending it to the terminal', () => {
    const folder = join(base, 'hostile');
    mkdirSync(folder);
    writeFileSync(join(folder, 'evil\u001b[2J.md'), 'no front matter\n');
    const { stdout, code } = medinfo(['validate', folder], { XDG_CACHE_HOME: cache });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(ESCAPE);
    expect(stdout).toBe(`${join(folder, 'evil\\x1b[2J.md')}: has no YAML front matter between --- lines\n`);
  });
});
