import { FORMAT_VERSION } from '../../src/library/library-format';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

const fixture = join(root, 'test', 'fixtures', 'user-folder');
// A library written less than two seconds before it is opened is checked but the pass not remembered.
const SETTLE_MS = 2100;

let base: string;
let cache: string;
let settledA: string;
let settledB: string;
let settledC: string;
let settledD: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-compiled-'));
  cpSync(fixture, join(base, 'drugs'), { recursive: true });
  cache = join(base, 'cache');
  settledA = join(base, 'settled-a.lib');
  settledB = join(base, 'settled-b.lib');
  settledC = join(base, 'settled-c.lib');
  settledD = join(base, 'settled-d.lib');
  for (const library of [settledA, settledB, settledC, settledD]) compile(library);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}, 20_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => {
  cache = mkdtempSync(join(base, 'cache-'));
});

function compile(library: string, from = join(base, 'drugs')) {
  const { code, stderr } = medinfo(['compile', from, library], { XDG_CACHE_HOME: cache });
  if (code !== 0) throw new Error(stderr);
}

const open = (library: string, args: string[], launcher?: string, cwd?: string) => medinfo(['--data-dir', library, ...args], { XDG_CACHE_HOME: cache }, { launcher, cwd });

/** A fresh compile of the fixture folder, with `edit` applied to its files (relative path → new text). */
function forged(edit: (read: (path: string) => string) => Record<string, string>): string {
  const library = mkdtempSync(join(base, 'forged-'));
  compile(library);
  const read = (path: string) => readFileSync(join(library, path), 'utf8');
  for (const [path, text] of Object.entries(edit(read))) writeFileSync(join(library, path), text);
  return library;
}

/** Expects every command to be refused with exit 2 and this one line, and nothing on stdout. */
function refusedOnOpen(library: string, line: string, commands: string[][] = [['show', 'zopiclone'], ['list'], ['search', 'sleep']]) {
  for (const args of commands) {
    const { stdout, stderr, code } = open(library, args);
    expect(code, args.join(' ')).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`medinfo: ${library} library: ${line}\n`);
  }
}

describe('opening a compiled library', () => {
  it('refuses a slug that would name a file outside the library, in the drug list or the name index', () => {
    const inList = forged((read) => ({ 'drugs.json': read('drugs.json').replace('"slug":"zopiclone"', '"slug":"../x"') }));
    refusedOnOpen(inList, '"../x" is not a drug slug; compile it again with medinfo compile');
    const inIndex = forged((read) => ({ 'names/0.txt': read('names/0.txt').replace('imovane\tzopiclone\n', 'imovane\t../../x\n') }));
    refusedOnOpen(inIndex, '"../../x" is not a drug slug; compile it again with medinfo compile');
  });

  it('refuses a name or brand that belongs to another bundled drug, in the drug list or the name index', () => {
    const inList = forged((read) => ({ 'drugs.json': read('drugs.json').replace('"brands":["Imovane"', '"brands":["Lioresal","Imovane"') }));
    refusedOnOpen(inList, 'zopiclone: "Lioresal" already names baclofen in the bundled library; compile it again with medinfo compile');
    const inIndex = forged((read) => ({ 'names/0.txt': `lioresal\tzopiclone\n${read('names/0.txt')}` }));
    refusedOnOpen(inIndex, 'zopiclone: "lioresal" already names baclofen in the bundled library; compile it again with medinfo compile');
    const unprintable = forged((read) => ({ 'drugs.json': read('drugs.json').replace('"brands":["Imovane"', '"brands":["\\u000bLIORESAL\\n","Imovane"') }));
    refusedOnOpen(unprintable, 'zopiclone: "\\u000bLIORESAL\\n" already names baclofen in the bundled library; compile it again with medinfo compile');
  });

  it('refuses a prepared drug list that is not the list of its drugs, so list never prints what no drug says', () => {
    const escape = forged((read) => ({ 'list/text.txt': read('list/text.txt').replace('Zopiclone', 'Zopiclone\u001b[2J') }));
    refusedOnOpen(escape, 'list/text.txt is not the list of the drugs in drugs.json; compile it again with medinfo compile', [['list'], ['show', 'zopiclone']]);
    const json = forged((read) => ({ 'list/json.txt': read('list/json.txt').replace('"Zopiclone"', '"Zopiclone\u2028"') }));
    refusedOnOpen(json, 'list/json.txt is not the list of the drugs in drugs.json; compile it again with medinfo compile', [['list', '--json']]);
  });

  it('lets a drug replace the bundled drug of its own slug', () => {
    const folder = join(base, 'own-baclofen');
    cpSync(fixture, folder, { recursive: true });
    writeFileSync(
      join(folder, 'baclofen.md'),
      readFileSync(join(fixture, 'zopiclone.md'), 'utf8')
        .replace('slug: zopiclone', 'slug: baclofen')
        .replace('name: Zopiclone', 'name: Baclofen (local copy)')
        .replace('brands: [Imovane, Zimovane]', 'brands: [Lioresal, Mybac]'),
    );
    const library = join(base, 'own-baclofen.lib');
    compile(library, folder);
    const shown = open(library, ['show', 'lioresal']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Baclofen \(local copy\)\n/);
  });

  it('refuses a library without the marker of this format', () => {
    const missing = forged(() => ({}));
    rmSync(join(missing, 'medinfo-library.json'));
    refusedOnOpen(missing, 'medinfo-library.json is missing or damaged (ENOENT); compile it again with medinfo compile');
    const older = forged(() => ({ 'medinfo-library.json': '{"format":7,"written_by":"medinfo compile"}' }));
    refusedOnOpen(older, `medinfo-library.json is missing or damaged (format 7, expected ${FORMAT_VERSION}); compile it again with medinfo compile`);
    const foreign = forged(() => ({ 'medinfo-library.json': JSON.stringify({ format: FORMAT_VERSION, written_by: 'someone' }) }));
    refusedOnOpen(foreign, 'medinfo-library.json is missing or damaged (written by "someone"); compile it again with medinfo compile');
  });

  it('the bundled library itself is not a library to add with --data-dir', () => {
    const library = join(root, 'dist', 'library');
    const { stderr, code } = open(library, ['list']);
    expect(code).toBe(2);
    expect(stderr).toBe(`medinfo: ${library} library: medinfo-library.json is missing or damaged (ENOENT); compile it again with medinfo compile\n`);
  });
});

describe('the remembered check of a compiled library', () => {
  const checks = () => {
    const area = join(cache, 'medinfo', 'libraries');
    return existsSync(area) ? readdirSync(area).flatMap((folder) => readdirSync(join(area, folder)).filter((name) => /^[0-9a-f]{16}$/.test(name))) : [];
  };

  it('is not remembered for a library written moments ago', () => {
    const library = forged(() => ({}));
    expect(open(library, ['show', 'imovane']).code).toBe(0);
    expect(checks()).toEqual([]);
  });

  it('is made again when the library changes', () => {
    expect(open(settledA, ['show', 'imovane']).code).toBe(0);
    expect(checks()).toHaveLength(1);
    const names = join(settledA, 'names', '0.txt');
    writeFileSync(names, `lioresal\tzopiclone\n${readFileSync(names, 'utf8')}`);
    expect(open(settledA, ['show', 'imovane'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('is made again when the bundled library changes under the same version', () => {
    const install = join(base, 'install');
    for (const part of ['bin', 'dist', 'data']) cpSync(join(root, part), join(install, part), { recursive: true });
    const launcher = join(install, 'bin', 'medinfo');
    expect(open(settledB, ['show', 'imovane'], launcher).code).toBe(0);
    expect(checks()).toHaveLength(1);

    writeFileSync(
      join(install, 'data', 'zopiclone-bundled.md'),
      readFileSync(join(fixture, 'zopiclone.md'), 'utf8')
        .replace('slug: zopiclone', 'slug: zopiclone-bundled')
        .replace('name: Zopiclone', 'name: Zopiclone (bundled)')
        .replace('brands: [Imovane, Zimovane]', 'brands: [Imovane]'),
    );
    execFileSync(process.execPath, [join(install, 'dist', 'build.cjs')], { cwd: install, stdio: 'ignore' });
    expect(open(settledB, ['show', 'imovane'], launcher)).toEqual({
      code: 2,
      stdout: '',
      stderr: `medinfo: ${settledB} library: zopiclone: "Imovane" already names zopiclone-bundled in the bundled library; compile it again with medinfo compile\n`,
    });
  });
});

describe('list --json, kept in the cache', () => {
  const kept = () => {
    const area = join(cache, 'medinfo', 'outputs');
    return existsSync(area) ? readdirSync(area).flatMap((folder) => readdirSync(join(area, folder)).filter((name) => /^[0-9a-f]{16}$/.test(name)).map((name) => join(area, folder, name))) : [];
  };

  it('is kept for a settled library and copied as it is on the next run', () => {
    const first = open(settledC, ['list', '--json']);
    expect(first.code).toBe(0);
    expect(kept()).toHaveLength(1);
    expect(readFileSync(kept()[0]!, 'utf8')).toBe(first.stdout);
    expect(open(settledC, ['list', '--json'])).toEqual(first);
    // What is copied is the kept entry: the cache folder is the user's alone, so it is trusted as the other entries are.
    writeFileSync(kept()[0]!, '[]\n');
    expect(open(settledC, ['list', '--json']).stdout).toBe('[]\n');
  });

  it('is not kept for a library written moments ago', () => {
    const library = forged(() => ({}));
    expect(open(library, ['list', '--json']).code).toBe(0);
    expect(kept()).toEqual([]);
  });

  it('is never the list of an earlier state of the library', async () => {
    const library = settledD;
    const before = open(library, ['list', '--json']);
    expect(kept()).toHaveLength(1);
    const other = mkdtempSync(join(base, 'other-drugs-'));
    writeFileSync(join(other, 'zopiclone.md'), readFileSync(join(fixture, 'zopiclone.md'), 'utf8').replace('name: Zopiclone', 'name: Zopiclone (edited)'));
    compile(library, other);
    // Settled, so that the new state is looked up in the cache too.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const after = open(library, ['list', '--json']);
    expect(after.stdout).not.toBe(before.stdout);
    expect(JSON.parse(after.stdout).find((drug: { slug: string }) => drug.slug === 'zopiclone').name).toBe('Zopiclone (edited)');
  }, 10_000);

  it('names the library as each run wrote it', () => {
    const relative = open('settled-c.lib', ['list', '--json'], undefined, base);
    const absolute = open(settledC, ['list', '--json']);
    const folderOf = (stdout: string) => JSON.parse(stdout).find((drug: { slug: string }) => drug.slug === 'zopiclone').origin.folder;
    expect([folderOf(relative.stdout), folderOf(absolute.stdout)]).toEqual(['settled-c.lib', settledC]);
    expect(open('settled-c.lib', ['list', '--json'], undefined, base)).toEqual(relative);
    expect(kept()).toHaveLength(2);
  });
});
