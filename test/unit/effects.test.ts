import { describe, expect, it } from 'vitest';
import { effectsNamed, nearestTerm, termFor } from '../../src/core/effects';

const terms = { drowsiness: ['somnolence', 'sleepiness'], dizziness: ['light-headedness'], vertigo: [] };

describe('side-effect terms', () => {
  it('a row names each effect it lists, but not an effect it only mentions as a reason for stopping', () => {
    expect(effectsNamed('Somnolence or sedation')).toEqual(['somnolence', 'sedation']);
    expect(effectsNamed('asthenia (weakness, fatigue)')).toEqual(['asthenia', 'weakness', 'fatigue']);
    expect(effectsNamed('stopping treatment because of somnolence')).toEqual(['stopping treatment because of somnolence']);
  });

  it('maps a synonym to its term, any case or hyphenation, and keeps vertigo apart from dizziness', () => {
    expect(termFor(terms, 'SOMNOLENCE')).toBe('drowsiness');
    expect(termFor(terms, 'light headedness')).toBe('dizziness');
    expect(termFor(terms, 'vertigo')).toBe('vertigo');
    expect(termFor(terms, 'nausea')).toBeUndefined();
  });

  it('finds the nearest term for a typo, and nothing for a far-off word', () => {
    expect(nearestTerm(terms, 'somnolance')).toBe('drowsiness');
    expect(nearestTerm(terms, 'qqqqq')).toBeUndefined();
  });
});
