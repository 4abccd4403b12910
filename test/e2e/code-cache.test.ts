import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-code-cache-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const codeFolder = () => join(base, 'medinfo', 'code');
/** The build folders in the cache, and the cache files in the only one. */
function cacheFiles(): string[] {
  const builds = readdirSync(codeFolder());
  expect(builds).toHaveLength(1);
  return readdirSync(join(codeFolder(), builds[0]!)).sort();
}

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
