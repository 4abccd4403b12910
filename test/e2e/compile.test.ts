import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

let base: string;
let folder: string;
let library: string;
let cache: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-compile-'));
  folder = join(base, 'drugs');
  library = join(base, 'drugs.lib');
  cache = join(base, 'cache');
  cpSync(join(root, 'test', 'fixtures', 'user-folder'), folder, { recursive: true });
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

const run = (args: string[]) => medinfo(args, { XDG_CACHE_HOME: cache });

describe('medinfo compile', () => {
  it('compiles a folder into a library that --data-dir reads, warning about the invalid file', () => {
    const compiled = run(['compile', folder, library]);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toBe(`compiled 1 monograph from ${folder} into ${library}\n`);
    expect(compiled.stderr).toContain('broken.md: classes[0]');

    const shown = run(['--data-dir', library, 'show', 'imovane']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Zopiclone\n/);
    expect(shown.stderr).toBe('');
    expect(run(['--data-dir', library, 'show', 'baclofen']).code).toBe(0);
    expect(existsSync(join(cache, 'medinfo', 'folders'))).toBe(false);
  });

  it('reads the compiled library as it was compiled: edits show after compiling again', () => {
    run(['compile', folder, library]);
    const file = join(folder, 'zopiclone.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('brands: [Imovane, Zimovane]', 'brands: [Imovane]'));
    expect(run(['--data-dir', library, 'show', 'zopiclone']).stdout).toContain('Brands: Imovane, Zimovane');
    expect(run(['compile', folder, library]).code).toBe(0);
    expect(run(['--data-dir', library, 'show', 'zopiclone']).stdout).toContain('Brands: Imovane\n');
  });

  it('refuses to replace a folder that is not a compiled library (exit 2)', () => {
    mkdirSync(library);
    writeFileSync(join(library, 'notes.txt'), 'keep me');
    const { stderr, code } = run(['compile', folder, library]);
    expect(code).toBe(2);
    expect(stderr).toBe(`medinfo: "${library}" is not empty and not a compiled medinfo library; refusing to replace it\n`);
    expect(readFileSync(join(library, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses to write the library inside the folder it reads (exit 2)', () => {
    const { stderr, code } = run(['compile', folder, join(folder, 'lib')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^medinfo: the compiled library cannot go inside the folder it is compiled from/);
  });

  it('a missing source folder is a usage error (exit 2)', () => {
    const { stderr, code } = run(['compile', join(base, 'nope'), library]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^medinfo: ".*nope" is not a folder that can be read\n$/);
  });

  it('a damaged compiled library is a one-line data error (exit 2), not a crash', () => {
    run(['compile', folder, library]);
    writeFileSync(join(library, 'manifest.json'), '{not json');
    const { stderr, code } = run(['--data-dir', library, 'list']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/manifest\.json is missing or damaged .*compile it again with medinfo compile\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
  });
});
