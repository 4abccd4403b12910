import { FORMAT_VERSION } from '../../src/library/library-format';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Every file, folder and link under `dir` with its content and mode: to tell that nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (path: string, name: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) tree[name] = `link ${readlinkSync(path)}`;
    else if (stat.isDirectory()) {
      tree[name] = `folder ${stat.mode} ${stat.ino}`;
      for (const child of readdirSync(path).sort()) walk(join(path, child), `${name}/${child}`);
    } else tree[name] = `file ${stat.mode} ${stat.ino} ${readFileSync(path, 'base64')}`;
  };
  walk(dir, '.');
  return tree;
}

/** A marker as medinfo compile writes it, which would let a compile replace the folder if nothing else forbade it. */
const marker = JSON.stringify({ format: FORMAT_VERSION, written_by: 'medinfo compile' });

/** Expects `compile <from> <onto>` to be refused with `message`, on one line, leaving `guarded` as it was. */
function refused(from: string, onto: string, message: string, guarded = onto, launcher?: string) {
  const before = snapshot(guarded);
  const { stdout, stderr, code } = medinfo(['compile', from, onto], { XDG_CACHE_HOME: cache }, { launcher });
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toBe(`medinfo: ${message}\n`);
  expect(snapshot(guarded)).toEqual(before);
}

describe('medinfo compile', () => {
  it('compiles a folder into a library that --data-dir reads, warning about the invalid file', () => {
    const compiled = run(['compile', folder, library]);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toBe(`compiled 1 monograph from ${folder} into ${library}\n`);
    expect(compiled.stderr).toContain('broken.md:4: classes[0]');
    // Progress is for a terminal: piped, stderr has only the warnings, a line each.
    expect(compiled.stderr).not.toMatch(/compiling|\r/);

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
    refused(folder, library, `"${library}" is not empty and not a compiled medinfo library; refusing to replace it`);
  });

  it('refuses a folder with a manifest.json that medinfo compile did not write', () => {
    const project = join(base, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'manifest.json'), '{"name": "someone else\'s project"}');
    writeFileSync(join(project, 'src', 'main.c'), 'int main(void) { return 0; }\n');
    refused(folder, project, `"${project}" is not empty and not a compiled medinfo library; refusing to replace it`);
  });

  it('refuses a file where the library should go', () => {
    writeFileSync(library, 'a file');
    refused(folder, library, `"${library}" is not a folder; refusing to replace it`);
  });

  it('never replaces the folder it compiles from, even one that holds a marker, nor by another path to it', () => {
    writeFileSync(join(folder, 'medinfo-library.json'), marker);
    refused(folder, folder, `"${folder}" is the folder being compiled; refusing to replace it`);
    const link = join(base, 'link-to-drugs');
    symlinkSync(folder, link);
    refused(folder, link, `"${link}" is the folder being compiled; refusing to replace it`, folder);
    refused(folder, join(folder, 'sub', '..'), `"${join(folder, 'sub', '..')}" is the folder being compiled; refusing to replace it`, folder);
  });

  it('never replaces a folder that holds the folder it compiles from', () => {
    const project = join(base, 'project');
    const source = join(project, 'drugs');
    cpSync(folder, source, { recursive: true });
    writeFileSync(join(project, 'medinfo-library.json'), marker);
    refused(source, project, `"${project}" holds the folder being compiled; refusing to replace it`);
  });

  it('never replaces the bundled library or a folder holding it', () => {
    refused(folder, join(root, 'dist', 'library'), `"${join(root, 'dist', 'library')}" is medinfo's bundled library; refusing to replace it`);
    // A copy of the install whose bundled library and dist/ hold markers, so nothing but this rule guards them.
    const install = join(base, 'install');
    for (const part of ['bin', 'dist']) cpSync(join(root, part), join(install, part), { recursive: true });
    const launcher = join(install, 'bin', 'medinfo');
    for (const where of ['dist', join('dist', 'library')]) writeFileSync(join(install, where, 'medinfo-library.json'), marker);
    const shipped = join(install, 'dist', 'library');
    refused(folder, shipped, `"${shipped}" is medinfo's bundled library; refusing to replace it`, install, launcher);
    refused(folder, join(install, 'dist'), `"${join(install, 'dist')}" holds medinfo's bundled library; refusing to replace it`, install, launcher);
  });

  it('writes into an empty folder, and replaces only its own earlier output, leaving nothing beside it', () => {
    mkdirSync(library);
    expect(run(['compile', folder, library]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(library, 'medinfo-library.json'), 'utf8'))).toEqual({ format: FORMAT_VERSION, written_by: 'medinfo compile' });
    writeFileSync(join(library, 'left-over.txt'), 'from before');
    expect(run(['compile', folder, library]).code).toBe(0);
    expect(existsSync(join(library, 'left-over.txt'))).toBe(false);
    expect(run(['--data-dir', library, 'show', 'imovane']).stdout).toMatch(/^Zopiclone\n/);
    expect(readdirSync(base).sort()).toEqual(['cache', 'drugs', 'drugs.lib']);
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
