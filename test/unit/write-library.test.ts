import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishOnce, writeLibrary, writeLibraryAs } from '../../src/compile/write-library';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'medinfo-write-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const files = (text: string) => new Map([['manifest.json', text], ['drugs/a.json', text]]);

describe('writing a library', () => {
  it('replaces the old library whole, leaving nothing beside it', () => {
    const dir = join(base, 'lib');
    writeLibrary(dir, files('one'));
    writeFileSync(join(dir, 'left-over'), 'x');
    writeLibrary(dir, files('two'));
    expect(readdirSync(dir).sort()).toEqual(['drugs', 'manifest.json']);
    expect(readFileSync(join(dir, 'drugs', 'a.json'), 'utf8')).toBe('two');
    expect(readdirSync(base)).toEqual(['lib']);
  });

  it('writes a file given as parts made one by one, whole and in order, however many writes it takes', () => {
    const dir = join(base, 'lib');
    // Long enough for several writes, with characters of more than one byte across their joins.
    const parts = Array.from({ length: 20_000 }, (_, i) => `${i}\tnaïve ✓\n`);
    writeLibraryAs(dir, (sink) => {
      sink.write('list/text.txt', parts.values());
      sink.write('empty.txt', [].values());
    });
    expect(readFileSync(join(dir, 'list', 'text.txt'), 'utf8')).toBe(parts.join(''));
    expect(readFileSync(join(dir, 'empty.txt'), 'utf8')).toBe('');
  });

  it('replaces nothing when the last-moment check refuses, and cleans up its temporary folder', () => {
    const dir = join(base, 'lib');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    expect(() =>
      writeLibrary(dir, files('new'), () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readdirSync(base)).toEqual(['lib']);
  });

  it('publishes a cache entry once, never into a folder already there', () => {
    const dir = join(base, 'entry');
    expect(publishOnce(dir, files('first'), 0o700)).toBe(true);
    expect(publishOnce(dir, files('second'), 0o700)).toBe(false);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('first');
    expect(readdirSync(base)).toEqual(['entry']);
    expect(existsSync(join(base, 'entry', 'drugs'))).toBe(true);
  });
});
