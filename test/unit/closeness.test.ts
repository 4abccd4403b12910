import { describe, expect, it } from 'vitest';
import { closeness, editDistance } from '../../src/core/closeness';

describe('how close a typed word is to a name', () => {
  it('counts a swap of neighbouring letters as one typo', () => {
    expect(editDistance('ambein', 'ambien')).toBe(1);
    expect(editDistance('baclofin', 'baclofen')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('treats one typo in a name as close', () => {
    expect(closeness('gabapenten', 'gabapentin')).toBeGreaterThanOrEqual(0.9);
    expect(closeness('lioresall', 'lioresal')).toBeGreaterThan(0.85);
  });

  it('finds a word inside a longer phrase', () => {
    expect(closeness('relaxant', 'muscle relaxant')).toBe(1);
    expect(closeness('muscle relaxant', 'skeletal muscle relaxant')).toBe(1);
  });

  it('does not call a shared fragment of letters close, as a substring search would', () => {
    expect(closeness('forums', 'metformin')).toBeLessThan(0.6);
    expect(closeness('baclofin', 'duraclon')).toBeLessThan(0.6);
    expect(closeness('forums', 'sedation before surgery (injection)')).toBeLessThan(0.6);
  });

  it('scores a typed start of a word below the whole word', () => {
    const start = closeness('gaba', 'gabapentin');
    expect(start).toBeGreaterThan(0.5);
    expect(start).toBeLessThan(closeness('gabapentin', 'gabapentin'));
  });

  it('gives up early, but never wrongly, on what cannot reach the bar', () => {
    expect(editDistance('forums', 'metformin', 2)).toBeGreaterThan(2);
    expect(editDistance('baclofin', 'baclofen', 2)).toBe(1);
    expect(closeness('forums', 'metformin', 0.7)).toBe(0);
    expect(closeness('gabapenten', 'gabapentin', 0.7)).toBe(closeness('gabapenten', 'gabapentin'));
  });
});

describe('the banded edit distance', () => {
  /** The whole table, as the textbook writes it. */
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  };

  it('agrees with the whole table within max, and says more than max beyond it', async () => {
    const fc = await import('fast-check');
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        const banded = editDistance(a, b, max);
        return exact <= max ? banded === exact : banded > max;
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)), { numRuns: 1000 });
  });
});
