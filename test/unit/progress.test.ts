import { describe, expect, it } from 'vitest';
import { compileProgress } from '../../src/io/progress';

describe('compile progress on a terminal', () => {
  it('redraws one line in place as files are done, a few hundred times at most, and erases it at the end', () => {
    const written: string[] = [];
    const progress = compileProgress({ write: (text) => written.push(text) });
    for (let done = 1; done <= 50_000; done++) progress(done, 50_000);
    expect(written.length).toBeLessThanOrEqual(201);
    expect(written[0]).toBe('\rcompiling: 1 of 50,000 monographs');
    expect(written.at(-2)).toBe('\rcompiling: 49,750 of 50,000 monographs');
    expect(written.at(-1)).toBe('\r\u001b[K');
  });
});
