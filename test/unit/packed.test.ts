import { describe, expect, it } from 'vitest';
import { packedAt, packNumbers, packStrings, widthFor } from '../../src/library/packed';
import { PhraseList } from '../../src/core/phrase-list';

describe('packed numbers and strings in the compiled index', () => {
  it('reads back every number it packed, at the width the largest needs', () => {
    const values = [0, 7, 35, 36, 1295, 1296, 46655];
    const width = widthFor(Math.max(...values));
    expect(width).toBe(3);
    const packed = packNumbers(values, width);
    expect(packed).toHaveLength(values.length * width);
    expect(values.map((_, i) => packedAt(packed, i, width))).toEqual(values);
  });

  it('finds each phrase, and the phrase an offset falls in', () => {
    const phrases = ['baclofen', 'gabapentin', 'muscle relaxant'];
    const list = new PhraseList(packStrings(phrases, 2), 2);
    expect(list.length).toBe(3);
    expect(phrases.map((_, i) => list.at(i))).toEqual(phrases);
    expect(list.indexOfOffset(list.text.indexOf('relax'))).toBe(2);
    expect(list.indexOfOffset(0)).toBe(0);
    expect(list.indexOfOffset(list.text.indexOf('gaba'))).toBe(1);
  });
});
