import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-code-cache-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const codeFolder = (home = base) => join(home, 'medinfo', 'code');
/** The one build folder in the cache. */
function buildFolder(home = base): string {
  const builds = readdirSync(codeFolder(home));
  expect(builds).toHaveLength(1);
  return join(codeFolder(home), builds[0]!);
}
const cacheFiles = () => readdirSync(buildFolder()).sort();

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

  it('is kept in folders only the user can open, in files only the user can write', () => {
    medinfo(['show', 'baclofen'], { XDG_CACHE_HOME: base });
    for (const folder of [join(base, 'medinfo'), codeFolder(), buildFolder()]) expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(buildFolder(), 'show.bin')).mode & 0o777).toBe(0o600);
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

  it('a same-size rebuild with the same mtime runs the new code, and each build keeps its own cache', () => {
    const env = { XDG_CACHE_HOME: base };
    const before = install('before');
    const after = install('after', ['reference information, not medical advice', 'REFERENCE INFORMATION, NOT MEDICAL ADVICE']);
    expect(spawnSync(process.execPath, [join(root, 'scripts', 'launch-file.mjs'), join(after, 'dist')]).status).toBe(0);

    expect(medinfo(['show', 'baclofen'], env, { install: before }).stdout).toContain('reference information, not medical advice');
    const [build] = readdirSync(codeFolder());
    const cached = readFileSync(join(codeFolder(), build!, 'show.bin'));
    for (let run = 0; run < 2; run++) {
      expect(medinfo(['show', 'baclofen'], env, { install: after }).stdout).toContain('REFERENCE INFORMATION, NOT MEDICAL ADVICE');
    }
    expect(readdirSync(codeFolder())).toHaveLength(2);
    expect(readFileSync(join(codeFolder(), build!, 'show.bin'))).toEqual(cached);
    expect(medinfo(['show', 'baclofen'], env, { install: before }).stdout).toContain('reference information, not medical advice');
  });

  it('each command has its own cache, found past global options and their values', () => {
    const env = { XDG_CACHE_HOME: base };
    mkdirSync(join(base, 'list'));
    expect(medinfo(['--data-dir', 'list', '--data-dir', 'list', 'show', 'baclofen'], env, { cwd: base }).code).toBe(0);
    expect(cacheFiles()).toEqual(['show.bin']);
    expect(medinfo(['--no-color', '--data-dir=list', 'list'], env, { cwd: base }).code).toBe(0);
    expect(cacheFiles()).toEqual(['list.bin', 'show.bin']);
  });

  it('a word that is not a command uses the cache of no command', () => {
    const env = { XDG_CACHE_HOME: base };
    expect(medinfo(['shwo', 'baclofen'], env).code).toBe(2);
    expect(medinfo(['help', 'show'], env).code).toBe(0);
    expect(cacheFiles()).toEqual(['other.bin']);
  });
});


describe('the start-up code cache runs no code planted for it', () => {
  const env = () => ({ XDG_CACHE_HOME: base });
  /** A first run, which writes the cache of `show`; what later runs must print too. */
  const firstRun = () => medinfo(['show', 'baclofen'], env());

  for (const [what, open] of [
    ['the medinfo folder', () => chmodSync(join(base, 'medinfo'), 0o777)],
    ['the code folder', () => chmodSync(codeFolder(), 0o777)],
    ['its build folder', () => chmodSync(buildFolder(), 0o777)],
  ] as const) {
    it(`a cache is neither read nor written when others can write ${what}`, () => {
      const real = firstRun();
      const planted = plant(join(buildFolder(), 'show.bin'));
      open();
      expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
      expect(readFileSync(join(buildFolder(), 'show.bin'))).toEqual(planted);
    });
  }

  it.skipIf(process.getuid?.() !== 0)('a cache is neither read nor written in a build folder of another user', () => {
    const real = firstRun();
    const planted = plant(join(buildFolder(), 'show.bin'));
    chownSync(buildFolder(), 4321, 4321);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readFileSync(join(buildFolder(), 'show.bin'))).toEqual(planted);
  });

  it.skipIf(process.getuid?.() !== 0)('a cache file of another user is not read but replaced', () => {
    const real = firstRun();
    const file = join(buildFolder(), 'show.bin');
    const planted = plant(file);
    chownSync(file, 4321, 4321);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readFileSync(file)).not.toEqual(planted);
  });

  it('a build folder that is a symbolic link is not used', () => {
    const real = firstRun();
    const build = buildFolder();
    const elsewhere = join(base, 'elsewhere');
    renameSync(build, elsewhere);
    const planted = plant(join(elsewhere, 'show.bin'));
    symlinkSync(elsewhere, build);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readdirSync(elsewhere)).toEqual(['show.bin']);
    expect(readFileSync(join(elsewhere, 'show.bin'))).toEqual(planted);
  });

  it('a cache file others can write is not read but replaced', () => {
    const real = firstRun();
    const file = join(buildFolder(), 'show.bin');
    const planted = plant(file);
    chmodSync(file, 0o666);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readFileSync(file)).not.toEqual(planted);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
  });

  it('a cache file that is a symbolic link is not followed but replaced', () => {
    const real = firstRun();
    const file = join(buildFolder(), 'show.bin');
    const elsewhere = join(base, 'elsewhere.bin');
    const planted = plant(elsewhere);
    rmSync(file);
    symlinkSync(elsewhere, file);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readFileSync(elsewhere)).toEqual(planted);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
  });

  for (const home of ['', 'relative']) {
    it(`with HOME=${JSON.stringify(home)} and no XDG_CACHE_HOME, no cache is read from or written to the current folder`, () => {
      const real = firstRun();
      const cwd = join(base, 'cwd');
      mkdirSync(cwd);
      const unset = { XDG_CACHE_HOME: undefined, HOME: home };
      expect(medinfo(['show', 'baclofen'], unset, { cwd })).toEqual(real);
      expect(readdirSync(cwd)).toEqual([]);

      const build = buildFolder().slice(base.length + 1);
      const planted = [join(cwd, '.cache', build, 'show.bin'), join(cwd, 'relative', '.cache', build, 'show.bin')];
      for (const file of planted) {
        mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
        plant(file);
      }
      expect(medinfo(['show', 'baclofen'], unset, { cwd })).toEqual(real);
      for (const file of planted) expect(readdirSync(join(file, '..'))).toEqual(['show.bin']);
    });
  }
});

let pwned: Buffer | undefined;
/**
 * Writes to `file` a V8 code cache made from a script that prints PWNED and has
 * the length of dist/cli.cjs: V8 checks only the length, so it takes this cache
 * for the real bundle and runs it. Returns the bytes written.
 */
function plant(file: string): Buffer {
  pwned ??= pwnedCache();
  writeFileSync(file, pwned, { mode: 0o600 });
  return pwned;
}

const MAKE_PWNED = String.raw`
const fs = require('node:fs');
const Module = require('node:module');
const vm = require('node:vm');
const [bundle, out] = process.argv.slice(1);
const length = fs.readFileSync(bundle, 'utf8').length;
fs.writeFileSync(out, new vm.Script(Module.wrap('console.log("PWNED"); //'.padEnd(length, '-'))).createCachedData());
`;
const RUN_WITH_CACHE = String.raw`
const fs = require('node:fs');
const Module = require('node:module');
const vm = require('node:vm');
const [bundle, cache] = process.argv.slice(1);
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { cachedData: fs.readFileSync(cache) });
if (script.cachedDataRejected) console.log('rejected');
else script.runInThisContext()();
`;

function pwnedCache(): Buffer {
  const bundle = join(root, 'dist', 'cli.cjs');
  const file = join(base, 'pwned.bin');
  expect(spawnSync(process.execPath, ['-e', MAKE_PWNED, bundle, file]).status).toBe(0);
  // The planted cache is a real threat: loaded with the real bundle, bare V8 runs it.
  expect(spawnSync(process.execPath, ['-e', RUN_WITH_CACHE, bundle, file], { encoding: 'utf8' }).stdout).toBe('PWNED\n');
  const bytes = readFileSync(file);
  rmSync(file);
  return bytes;
}

// npm packs every file with this mtime.
const NPM_MTIME = new Date('1985-10-26T08:15:00Z');

/**
 * A copy of bin/ and dist/ in the test's folder, as npm installs it, with one
 * string of the bundle replaced by another of the same length if asked.
 */
function install(name: string, [from, to]: string[] = []): string {
  const copy = join(base, name);
  for (const folder of ['bin', 'dist']) cpSync(join(root, folder), join(copy, folder), { recursive: true });
  const bundle = join(copy, 'dist', 'cli.cjs');
  if (from !== undefined && to !== undefined) {
    expect(to).toHaveLength(from.length);
    const source = readFileSync(bundle, 'utf8');
    expect(source.split(from)).toHaveLength(2);
    writeFileSync(bundle, source.replace(from, to));
  }
  utimesSync(bundle, NPM_MTIME, NPM_MTIME);
  return copy;
}