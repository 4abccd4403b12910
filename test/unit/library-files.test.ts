import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary } from '../../src/compile/compile-library';
import { parseMonograph } from '../../src/compile/parse-monograph';
import { DataError } from '../../src/core/errors';
import { candidatesFor } from '../../src/core/fuzzy';
import { listsOf, phrasesContaining, PhraseList } from '../../src/core/phrase-list';
import { LibraryFiles } from '../../src/library/library-files';
import { wordsStarting } from '../../src/library/library-format';

const tags = new Set(['muscle-relaxant', 'gaba-b-agonist', 'cns-depressant', 'alcohol']);
const baclofen = parseMonograph(readFileSync(join(__dirname, '..', '..', 'data', 'baclofen.md'), 'utf8'), 'baclofen.md', 'baclofen', tags);

/** The compiled library of baclofen alone, with some of its files replaced, and the paths read. */
function library(replaced: Record<string, string> = {}) {
  const files = compileLibrary([baclofen], { classes: Object.fromEntries([...tags].map((t) => [t, t])), duplicateTherapy: {}, effectTerms: {} });
  for (const [path, text] of Object.entries(replaced)) files.set(path, text);
  const read: string[] = [];
  const reader = new LibraryFiles(
    (path) => {
      read.push(path);
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
    'test',
    'rebuild',
  );
  return { reader, read };
}

const source = '{"id": "label", "title": "Label", "kind": "label"}';

/** The effect `effects/0.json` holds: the first in the effect terms. */
const firstEffect = compileLibrary([baclofen], { classes: {}, duplicateTherapy: {}, effectTerms: {} }).get('effects/terms.txt')!.split('\t')[0]!;

function failure(action: () => unknown): DataError {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('reading a compiled library', () => {
  it('refuses a record asked for by something that is not a slug, before building a path from it', () => {
    const { reader, read } = library();
    for (const slug of ['../x', 'drugs/../../x', 'Baclofen', '', 'a/b']) {
      expect(failure(() => reader.record(slug)).message).toBe(`test library: "${slug}" is not a drug slug; rebuild`);
      expect(failure(() => reader.searchRow(slug)).message).toBe(`test library: "${slug}" is not a drug slug; rebuild`);
    }
    expect(failure(() => reader.record('a\n\u001b[2Jb')).message).toBe('test library: "a\\n\\u001b[2Jb" is not a drug slug; rebuild');
    expect(read).toEqual([]);
  });

  it('a file of the wrong shape is a data error naming the file, not a crash later', () => {
    const cases: Array<[string, (reader: LibraryFiles) => unknown, string]> = [
      ['manifest.json', (r) => r.manifest(), '{"format": 8, "drugs": 1}'],
      ['drugs.json', (r) => r.drugs(), '[{"slug": "baclofen"}]'],
      ['names/0.txt', (r) => r.slugFor('baclofen'), 'baclofen baclofen\n'],
      ['effects/terms.txt', (r) => r.effectRows('drowsiness'), 'drowsiness\n'],
      ['effects/0.json', (r) => r.effectRows(firstEffect), '{"sources": [], "rows": [["baclofen", "Baclofen", 0, 0, {"effect": "x"}]]}'],
      ['effects/0.json', (r) => r.effectRows(firstEffect), `{"sources": [${source}], "rows": [["baclofen", "Baclofen", 0.5, 0, {"effect": "x"}]]}`],
      ['effects/0.json', (r) => r.effectRows(firstEffect), `{"sources": [${source}], "rows": [["baclofen", "Baclofen", 0, 0, ["x"]]]}`],
      ['drugs/baclofen.json', (r) => r.record('baclofen'), '{"monograph": {}}'],
      ['rows/baclofen.txt', (r) => r.searchRow('baclofen'), '{"name": "Baclofen", "brands": []}\nA sentence.\n'],
      ['rows/baclofen.txt', (r) => r.searchRow('baclofen'), '{"name": "Baclofen", "brands": [], "aliases": [], "uses": [], "effects": []}\nno line break at the end'],
      ['search/phrases.idx', (r) => r.phrases(), '2\nab\nab\nab\na\n'],
      ['search/prose-meta.txt', (r) => r.proseMeta(), '2 10.5\nabc\nword\n'],
      ['search/prose-meta.txt', (r) => r.proseMeta(), '2 x\nab\nword\n'],
      ['search/prose-meta.txt', (r) => r.proseMeta(), '2 10\nab\nword'],
    ];
    for (const [path, use, wrong] of cases) {
      for (const text of ['null', '"text"', '42', wrong]) {
        const { reader } = library({ [path]: text });
        expect(failure(() => use(reader)).message, `${path} = ${text}`).toMatch(new RegExp(`^test library: ${path.replace('.', '\\.')} is missing or damaged \\(`));
      }
    }
  });

  it('a damaged pair or prose file or lay-word entry is a data error naming the file', () => {
    for (const text of ['', 'null', 'x\tblood thinner\t1', '{"width": 1, "terms": {}}'] as const) {
      const { reader } = library({ 'search/pairs-0.txt': text, 'search/prose-0.txt': text });
      expect(failure(() => reader.pairShard(0)).message, text).toMatch(/^test library: search\/pairs-0\.txt is missing or damaged \(/);
      expect(failure(() => reader.proseShard(0)).message, text).toMatch(/^test library: search\/prose-0\.txt is missing or damaged \(/);
    }
    for (const entry of ['{"written": "benzo"', '{"written": "benzo", "lay": "yes"}', '[]']) {
      const { reader } = library({ 'search/terms.txt': `\nbenzo\t${entry}\n` });
      expect(failure(() => reader.termEntry('benzo')).message, entry).toMatch(/^test library: search\/terms\.txt is missing or damaged \(/);
      expect(reader.termEntry('water pill')).toBeUndefined();
    }
  });

  it('a record that holds another drug than the one asked for is damaged', () => {
    const { reader } = library({ 'drugs/other.json': compileLibrary([baclofen], { classes: {}, duplicateTherapy: {}, effectTerms: {} }).get('drugs/baclofen.json')! });
    expect(failure(() => reader.record('other')).message).toBe('test library: drugs/other.json is missing or damaged (not the expected content); rebuild');
    expect(reader.record('baclofen').monograph.slug).toBe('baclofen');
  });

  it("a drug's search row holds its names, effects and prose as plain sentences, in order", () => {
    const { reader } = library();
    const row = reader.searchRow('baclofen');
    expect(row.name).toBe('Baclofen');
    expect(row.effects).toEqual(baclofen.monograph.side_effects.map((effect) => effect.effect));
    expect(row.sentences.length).toBeGreaterThan(3);
    for (const sentence of row.sentences) expect(sentence).not.toMatch(/[\n*`]|^#/);
  });
});

describe('the grams index of typo candidates', () => {
  it('gives the candidates a search of the whole text gives', () => {
    const index = library().reader.phrases();
    const indexed = listsOf(index).phrases;
    expect(indexed.holding).toBeDefined();
    const searched = new PhraseList(index.phrases, index.width);
    for (const query of ['baclofin', 'lioresall', 'drowsines', 'muscle spasm', 'gaba', 'xyz', 'confusion', 'nausea and vomitin']) {
      expect(candidatesFor(indexed, query, 30), query).toEqual(candidatesFor(searched, query, 30));
    }
    expect(candidatesFor(indexed, 'baclofin', 30).map((at) => indexed.at(at))).toContain('baclofen');
  });

  it('gives the phrases holding whole words that a search of the whole text gives', () => {
    const index = library().reader.phrases();
    const indexed = listsOf(index).phrases;
    const searched = new PhraseList(index.phrases, index.width);
    const words = ['muscle spasm', 'spasm', 'nausea', 'pain', 'sleep', 'muscle', 'relaxant', 'cle', 'le s', 'drowsiness', 'xyz', 'a'];
    for (const word of words) expect(phrasesContaining(indexed, word), word).toEqual(phrasesContaining(searched, word));
    expect(phrasesContaining(indexed, 'relaxant').map((at) => indexed.at(at))).toContain('muscle relaxant');
  });

  it('a grams file that is not what compile wrote is a data error naming it, never a phrase out of range', () => {
    const files = compileLibrary([baclofen], { classes: Object.fromEntries([...tags].map((t) => [t, t])), duplicateTherapy: {}, effectTerms: {} });
    const grams = [...files.keys()].filter((path) => /^names\/grams-\d+\.txt$/.test(path));
    expect(grams.length).toBeGreaterThan(0);
    for (const wrong of ['bac\tzz\n', 'bac\t\n', 'bac\t0200\n', 'bac\t0100\n', 'bac\n']) {
      const { reader } = library(Object.fromEntries(grams.map((path) => [path, wrong])));
      expect(failure(() => reader.namePhrases().phrasesWith!('bac')).message, JSON.stringify(wrong)).toMatch(/^test library: names\/grams-\d+\.txt is missing or damaged \(not the expected content\)/);
    }
  });
});

describe('the prose vocabulary', () => {
  const vocabulary = ['spa', 'spasm', 'spasming', 'spasms', 'spasticity', 'sun', 'zinc'].map((word) => `${word}\n`).join('');

  it('gives the words a prefix starts, in order, as many as asked for', () => {
    expect(wordsStarting(vocabulary, 'spasm', 10)).toEqual(['spasm', 'spasming', 'spasms']);
    expect(wordsStarting(vocabulary, 'spa', 2)).toEqual(['spa', 'spasm']);
    expect(wordsStarting(vocabulary, 'a', 10)).toEqual([]);
    expect(wordsStarting(vocabulary, 'zinc', 10)).toEqual(['zinc']);
    expect(wordsStarting(vocabulary, 'zz', 10)).toEqual([]);
    expect(wordsStarting('', 'spasm', 10)).toEqual([]);
  });

  it('finds every word of a long vocabulary by itself', () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${String(i).padStart(3, '0')}`);
    const text = words.map((word) => `${word}\n`).join('');
    for (const word of words) expect(wordsStarting(text, word, 5)).toEqual([word]);
  });
});
