import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
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
/** The commands the one build folder holds a cache for. */
const cacheFiles = () => readdirSync(buildFolder()).filter((name) => name.endsWith('.bin')).sort();
const DISCLAIMER = 'reference information, not medical advice';
const CHANGED = 'REFERENCE INFORMATION, NOT MEDICAL ADVICE';

describe('the start-up code cache', () => {
  it('is written per command on a first run, and later runs use it and print the same bytes', () => {
    const env = { XDG_CACHE_HOME: base };
    const first = medinfo(['show', 'baclofen'], env);
    medinfo(['search', 'baclofin'], env);
    expect(cacheFiles()).toEqual(['search.bin', 'show.bin']);
    const written = statSync(join(buildFolder(), 'show.bin')).ino;
    expect(medinfo(['show', 'baclofen'], env)).toEqual(first);
    // A cache V8 takes is not written again.
    expect(statSync(join(buildFolder(), 'show.bin')).ino).toBe(written);
  });

  it('is kept in folders only the user can open, in files only the user can write', () => {
    medinfo(['show', 'baclofen'], { XDG_CACHE_HOME: base });
    for (const folder of [join(base, 'medinfo'), codeFolder(), buildFolder()]) expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of ['show.bin', 'show.checked']) expect(statSync(join(buildFolder(), file)).mode & 0o777).toBe(0o600);
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
    const after = install('after', (source) => replaceOnce(source, DISCLAIMER, CHANGED));
    expect(spawnSync(process.execPath, [join(root, 'scripts', 'launch-file.mjs'), join(after, 'dist')]).status).toBe(0);

    expect(medinfo(['show', 'baclofen'], env, { install: before }).stdout).toContain(DISCLAIMER);
    const [build] = readdirSync(codeFolder());
    const cached = readFileSync(join(codeFolder(), build!, 'show.bin'));
    for (let run = 0; run < 2; run++) expect(medinfo(['show', 'baclofen'], env, { install: after }).stdout).toContain(CHANGED);
    expect(readdirSync(codeFolder())).toHaveLength(2);
    expect(readFileSync(join(codeFolder(), build!, 'show.bin'))).toEqual(cached);
    expect(medinfo(['show', 'baclofen'], env, { install: before }).stdout).toContain(DISCLAIMER);
  });

  it('a bundle changed without writing launch.json again still runs its own code', () => {
    const env = { XDG_CACHE_HOME: base };
    const after = install('after', (source) => replaceOnce(source, DISCLAIMER, CHANGED));
    expect(medinfo(['show', 'baclofen'], env).stdout).toContain(DISCLAIMER);
    for (let run = 0; run < 2; run++) expect(medinfo(['show', 'baclofen'], env, { install: after }).stdout).toContain(CHANGED);
    expect(medinfo(['show', 'baclofen'], env).stdout).toContain(DISCLAIMER);
  });

  for (const [what, launch] of [
    ['without dist/launch.json', undefined],
    ['with a dist/launch.json that does not parse', '{"bundle":'],
    ['with a dist/launch.json that names no build', '{"commands":["show"],"valueOptions":[]}'],
  ] as const) {
    it(`runs without a cache ${what}`, () => {
      const copy = install('copy');
      rmSync(join(copy, 'dist', 'launch.json'));
      if (launch !== undefined) writeFileSync(join(copy, 'dist', 'launch.json'), launch);
      const { stdout, stderr, code } = medinfo(['show', 'baclofen'], { XDG_CACHE_HOME: base }, { install: copy });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^Baclofen\n/);
      expect(readdirSync(base)).not.toContain('medinfo');
    });
  }

  it('each command has its own cache, found past global options and their values', () => {
    const env = { XDG_CACHE_HOME: base };
    mkdirSync(join(base, 'list'));
    expect(medinfo(['--data-dir', 'list', '--data-dir', 'list', 'show', 'baclofen'], env, { cwd: base }).code).toBe(0);
    expect(cacheFiles()).toEqual(['show.bin']);
    expect(medinfo(['--no-color', '--data-dir=list', 'list'], env, { cwd: base }).code).toBe(0);
    expect(cacheFiles()).toEqual(['list.bin', 'show.bin']);
  });

  it('a word that is no command uses the cache of a drug shown, an alias its own, and no word at all the cache of no command', () => {
    const env = { XDG_CACHE_HOME: base };
    expect(medinfo(['shwo', 'baclofen'], env).code).toBe(2);
    expect(medinfo(['help', 'show'], env).code).toBe(0);
    expect(medinfo(['check', 'baclofen', 'zolpidem'], env).code).toBe(0);
    expect(medinfo(['--version'], env).code).toBe(0);
    expect(cacheFiles()).toEqual(['check.bin', 'drug.bin', 'help.bin', 'other.bin']);
  });

  it('medinfo <drug> prints what show prints, with a cache written and then read', () => {
    const env = { XDG_CACHE_HOME: base };
    const shown = medinfo(['show', 'lioresal'], env);
    for (let run = 0; run < 2; run++) expect(medinfo(['lioresal'], env)).toEqual(shown);
    expect(cacheFiles()).toEqual(['drug.bin', 'show.bin']);
  });
});

describe('a damaged code cache costs speed, never a crash', () => {
  for (const [what, damage] of [
    ['with flipped bytes in the middle', (bytes: Buffer) => flip(bytes, bytes.length / 2, 1024)],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length / 2)],
    ['cut inside its header', (bytes: Buffer) => bytes.subarray(0, 12)],
  ] as const) {
    it(`a cache file ${what} is not used but written again`, () => {
      const env = { XDG_CACHE_HOME: base };
      const first = medinfo(['show', 'baclofen'], env);
      const file = join(buildFolder(), 'show.bin');
      writeFileSync(file, damage(readFileSync(file)));
      const damaged = statSync(file).ino;
      expect(medinfo(['show', 'baclofen'], env)).toEqual(first);
      expect(first.code).toBe(0);
      expect(statSync(file).ino).not.toBe(damaged);
      expect(medinfo(['show', 'baclofen'], env)).toEqual(first);
    });
  }

  it('a cache file damaged in place, its times put back, is not used but written again', () => {
    const env = { XDG_CACHE_HOME: base };
    const first = medinfo(['show', 'baclofen'], env);
    const file = join(buildFolder(), 'show.bin');
    // Round times, so that putting them back is exact.
    utimesSync(file, NPM_MTIME, NPM_MTIME);
    expect(medinfo(['show', 'baclofen'], env)).toEqual(first);
    const bytes = readFileSync(file);
    writeFileSync(file, flip(bytes, bytes.length / 2, 1024));
    utimesSync(file, NPM_MTIME, NPM_MTIME);
    const damaged = statSync(file).ino;
    expect(medinfo(['show', 'baclofen'], env)).toEqual(first);
    expect(statSync(file).ino).not.toBe(damaged);
  });
});

describe('the start-up code cache runs no code planted for it', () => {
  const env = () => ({ XDG_CACHE_HOME: base });
  /** A first run, which writes the cache of `show`; what later runs must print too. */
  const firstRun = () => medinfo(['show', 'baclofen'], env());

  it('a cache medinfo wrote for another script of the same length is not run, though it lies where medinfo looks', () => {
    // The same launch.json, so the same build folder, and a header medinfo wrote itself.
    const pwned = install('pwned', (source) => pwnedScript(source.length));
    expect(medinfo(['show', 'baclofen'], env(), { install: pwned }).stdout).toBe('PWNED\n');
    expect(cacheFiles()).toEqual(['show.bin']);
    const real = medinfo(['show', 'baclofen'], env());
    expect(real.stdout).toMatch(/^Baclofen\n/);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
  });

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

  it('folders an earlier version left open to the group are made private, and used from the next run on', () => {
    const real = firstRun();
    const file = join(buildFolder(), 'show.bin');
    const folders = [join(base, 'medinfo'), codeFolder(), buildFolder()];
    // As earlier versions left them under umask 002.
    for (const folder of folders) chmodSync(folder, 0o775);
    chmodSync(file, 0o664);
    const before = readFileSync(file);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readFileSync(file)).toEqual(before);
    for (const folder of folders) expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).ino;
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(statSync(file).ino).toBe(written);
  });

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
    const files = readdirSync(elsewhere);
    symlinkSync(elsewhere, build);
    expect(medinfo(['show', 'baclofen'], env())).toEqual(real);
    expect(readdirSync(elsewhere)).toEqual(files);
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

/** A script of the bundle's length (all V8 checks) that prints PWNED and has the exports bin/medinfo calls. */
function pwnedScript(length: number): string {
  return 'console.log("PWNED"); module.exports = { run() {}, warmUp() {} }; //'.padEnd(length, '-');
}

const MAKE_CACHE = String.raw`
const fs = require('node:fs');
const Module = require('node:module');
const vm = require('node:vm');
const [script, out] = process.argv.slice(1);
fs.writeFileSync(out, new vm.Script(Module.wrap(fs.readFileSync(script, 'utf8'))).createCachedData());
`;
const RUN_WITH_CACHE = String.raw`
const fs = require('node:fs');
const Module = require('node:module');
const vm = require('node:vm');
const [bundle, cache] = process.argv.slice(1);
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { cachedData: fs.readFileSync(cache) });
if (script.cachedDataRejected) console.log('rejected');
else script.runInThisContext()({}, require, { exports: {} });
`;

/** A cache file as bin/medinfo writes it: a header whose checksum covers `bundle` and the V8 bytes, then the bytes. */
function cacheFile(v8: Buffer, bundle: Buffer): Buffer {
  const magic = Buffer.from('medinfo code cache, format 1');
  const header = Buffer.alloc(magic.length + 4);
  magic.copy(header);
  const checksum = zlib.crc32 ? zlib.crc32(v8, zlib.crc32(bundle)) : createHash('sha256').update(bundle).update(v8).digest().readUInt32LE(0);
  header.writeUInt32LE(checksum, magic.length);
  return Buffer.concat([header, v8]);
}

let forged: Buffer | undefined;
/**
 * What someone who can write a cache folder can plant: a V8 cache made from a
 * PWNED script of the bundle's length, in a cache file whose checksum is made
 * for the real bundle. Checked once, so the tests that plant it mean something:
 * bare V8 runs it for the real bundle, and so does medinfo from a folder that
 * passes its checks, since a checksum cannot stop a writer; only the checks on
 * folders and owners can.
 */
function forgedCache(): Buffer {
  if (forged) return forged;
  const bundlePath = join(root, 'dist', 'cli.cjs');
  const bundle = readFileSync(bundlePath);
  const work = mkdtempSync(join(base, 'forge-'));
  writeFileSync(join(work, 'pwned.js'), pwnedScript(bundle.toString('utf8').length));
  expect(spawnSync(process.execPath, ['-e', MAKE_CACHE, join(work, 'pwned.js'), join(work, 'pwned.bin')]).status).toBe(0);
  expect(spawnSync(process.execPath, ['-e', RUN_WITH_CACHE, bundlePath, join(work, 'pwned.bin')], { encoding: 'utf8' }).stdout).toBe('PWNED\n');
  const file = cacheFile(readFileSync(join(work, 'pwned.bin')), bundle);
  medinfo(['show', 'baclofen'], { XDG_CACHE_HOME: work });
  writeFileSync(join(buildFolder(work), 'show.bin'), file);
  expect(medinfo(['show', 'baclofen'], { XDG_CACHE_HOME: work }).stdout).toBe('PWNED\n');
  rmSync(work, { recursive: true });
  return (forged = file);
}

/** Writes the forged cache to `file`; returns its bytes. */
function plant(file: string): Buffer {
  writeFileSync(file, forgedCache(), { mode: 0o600 });
  return forgedCache();
}

function flip(bytes: Buffer, at: number, count: number): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = Math.floor(at); i < at + count; i++) copy[i]! ^= 0xff;
  return copy;
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(to).toHaveLength(from.length);
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

// npm packs every file with this mtime.
const NPM_MTIME = new Date('1985-10-26T08:15:00Z');

/** A copy of bin/ and dist/ in the test's folder, as npm installs it, its bundle edited if asked. */
function install(name: string, edit?: (source: string) => string): string {
  const copy = join(base, name);
  for (const folder of ['bin', 'dist']) cpSync(join(root, folder), join(copy, folder), { recursive: true });
  const bundle = join(copy, 'dist', 'cli.cjs');
  if (edit) writeFileSync(bundle, edit(readFileSync(bundle, 'utf8')));
  utimesSync(bundle, NPM_MTIME, NPM_MTIME);
  return copy;
}
