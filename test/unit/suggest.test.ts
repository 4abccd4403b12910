import { describe, expect, it } from 'vitest';
import { classifyName, typoAllowance } from '../../src/core/suggest';

const relation = (typed: string, phrase: string) => classifyName(typed, phrase)?.relation;

describe('how a name that was not found relates to a name of the library', () => {
  it('allows more slips in a longer name: none up to 3 letters, one up to 7, two beyond', () => {
    expect([3, 4, 7, 8, 20].map(typoAllowance)).toEqual([0, 1, 1, 2, 2]);
    expect(relation('apo', 'apap')).toBeUndefined();
    expect(relation('xanex', 'xanax')).toBe('typo');
    expect(relation('ambein', 'ambien')).toBe('typo');
    expect(relation('gabapentn', 'gabapentin')).toBe('typo');
    expect(relation('valium', 'calcium')).toBeUndefined();
  });

  it('takes the start or the first words of a name, and the name with more words after it', () => {
    expect(relation('gaba', 'gabapentin')).toBe('completion');
    expect(relation('gaba', 'gablofen')).toBeUndefined();
    expect(relation('toprol', 'toprol xl')).toBe('completion');
    expect(relation('unisom s', 'unisom sleepgels')).toBe('completion');
    expect(relation('metoprolol xl', 'metoprolol')).toBe('longer');
    expect(relation('metoprolol xl', 'metoprolol succinate')).toBeUndefined();
  });

  it('holds each word of several to its own slips', () => {
    expect(relation('advil pn', 'advil pm')).toBe('typo');
    expect(relation('tylenol xx', 'tylenol pm')).toBeUndefined();
    expect(relation('toprolxl', 'toprol xl')).toBe('typo');
  });

  it('calls a name with a few letters in front another drug, whether joined or a word of its own', () => {
    expect(relation('citalopram', 'escitalopram')).toBe('part');
    expect(relation('citalopram', 's citalopram')).toBe('part');
    expect(relation('citalopran', 's citalopram')).toBe('part');
    expect(relation('calcium', 'atorvastatin calcium')).toBeUndefined();
    expect(relation('acetyl', 'n acetyl 5 methoxytryptamine')).toBeUndefined();
  });

  it('calls names that part inside their first word, not far apart, only alike at the start', () => {
    expect(relation('hydrocodone', 'hydroxyzine')).toBe('start');
    expect(relation('hydrocodone', 'hydralazine')).toBeUndefined();
    expect(relation('toprol zz', 'toprol xl')).toBeUndefined();
  });
});
