import { describe, expect, it } from 'vitest';
import { compileProgress, progressLine } from '../../src/io/progress';

describe('compile progress on a terminal', () => {
  it('redraws one line in place as files are done, a few hundred times at most, and erases it at the end', () => {
    const written: string[] = [];
    const progress = compileProgress(progressLine(() => ({ write: (text: string) => written.push(text), isTTY: true })));
    for (let done = 1; done <= 50_000; done++) progress(done, 50_000);
    expect(written.length).toBeLessThanOrEqual(201);
    expect(written[0]).toBe('\r\u001b[Kcompiling: 1 of 50,000 monographs');
    expect(written.at(-2)).toBe('\r\u001b[Kcompiling: 49,750 of 50,000 monographs');
    expect(written.at(-1)).toBe('\r\u001b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = compileProgress(progressLine(() => ({ write: (text: string) => written.push(text) })));
    for (let done = 1; done <= 10; done++) progress(done, 10);
    expect(written).toEqual([]);
  });
});
