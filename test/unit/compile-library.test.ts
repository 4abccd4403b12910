import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary, LibraryBuilder, wholeText } from '../../src/compile/compile-library';
import { parseMonograph } from '../../src/compile/parse-monograph';
import { tableLookUp } from '../../src/library/library-format';

const tags = new Set(['muscle-relaxant', 'gaba-b-agonist', 'cns-depressant', 'alcohol']);
const baclofen = parseMonograph(readFileSync(join(__dirname, '..', '..', 'data', 'baclofen.md'), 'utf8'), 'baclofen.md', 'baclofen', tags);
const other = { ...baclofen, monograph: { ...baclofen.monograph, slug: 'other', name: 'Other', brands: ['Otherbrand'], aliases: [] } };
const classes = Object.fromEntries([...tags].map((t) => [t, t]));

describe('compiling the library', () => {
  it('gives the same bytes for the same monographs, whatever order they come in', () => {
    const a = compileLibrary([baclofen, other], { classes, duplicateTherapy: {}, effectTerms: {} });
    const b = compileLibrary([other, baclofen], { classes, duplicateTherapy: {}, effectTerms: {} });
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
  });

  it('indexes every name, brand and alias under its name key', () => {
    const files = compileLibrary([baclofen, other], { classes, duplicateTherapy: {}, effectTerms: {} });
    const names = files.get('names/0.txt')!;
    for (const [key, slug] of [['baclofen', 'baclofen'], ['lioresal', 'baclofen'], ['otherbrand', 'other'], ['baclofene', 'baclofen']]) expect(tableLookUp(names, key!), key).toBe(slug);
    expect(tableLookUp(names, 'nosuch')).toBeUndefined();
  });

  it('fingerprints the library by its content: one changed brand gives a new fingerprint', () => {
    const fingerprint = (records: (typeof baclofen)[], tagNames = classes) => JSON.parse(compileLibrary(records, { classes: tagNames, duplicateTherapy: {}, effectTerms: {} }).get('manifest.json')!).fingerprint;
    const rebranded = { ...other, monograph: { ...other.monograph, brands: ['Otherbrand2'] } };
    expect(fingerprint([baclofen, other])).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint([other, baclofen])).toBe(fingerprint([baclofen, other]));
    expect(fingerprint([baclofen, rebranded])).not.toBe(fingerprint([baclofen, other]));
    expect(fingerprint([baclofen, other], { ...classes, extra: 'Extra' })).not.toBe(fingerprint([baclofen, other]));
  });

  it('writes the same files whatever order the drugs come in and whichever are left out at the end, so compile can write as it goes', () => {
    const vocabulary = { classes, duplicateTherapy: {}, effectTerms: {} };
    const named = (slug: string, name: string) => ({ ...baclofen, monograph: { ...baclofen.monograph, slug, name, brands: [`${name}brand`], aliases: [] } });
    const [a, ab, c] = [named('a', 'Aaa'), named('a-b', 'Abee'), named('c', 'Cee')];
    const expected = compileLibrary([a, ab, baclofen], vocabulary);
    const files = new Map<string, string>();
    const builder = new LibraryBuilder(vocabulary, { write: (path, text) => void files.set(path, wholeText(text)), read: (path) => files.get(path)!, remove: (path) => void files.delete(path) });
    // Files come in name order, and a-b.md sorts before a.md; c is refused only once every file is read.
    for (const record of [c, ab, baclofen, a]) builder.add(record);
    builder.finish((slug) => slug !== 'c');
    expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(files.get(path), path).toBe(text);
  });
});
