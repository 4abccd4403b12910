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
