import { describe, expect, it } from 'vitest';
import { parseLayTerms } from '../../src/compile/read-lay-terms';
import { layKey, termIndex, termsOf, type TermIndex } from '../../src/core/lay-terms';
import { closeness } from '../../src/core/closeness';
import { typoBudget } from '../../src/core/fuzzy';
import { nameKey } from '../../src/core/names';
import { phraseRuns, runsIn } from '../../src/core/words';

const classes = { anticoagulant: 'Prevents blood clotting.', analgesic: 'Relieves pain.', 'muscle-relaxant': 'Relaxes muscles.' };
const effectTerms = { drowsiness: ['somnolence', 'sleepiness'], nausea: [], indigestion: ['dyspepsia'] };

describe('reading the lay vocabulary', () => {
  it('reads each lay word with what it means', () => {
    const terms = parseLayTerms(
      ['terms:', '  blood thinner:', '    classes: [anticoagulant]', '  upset stomach:', '    also: [stomach upset]', '    effects: [nausea, indigestion]'].join('\n'),
      classes,
      effectTerms,
    );
    expect(terms).toEqual({ 'blood thinner': { classes: ['anticoagulant'] }, 'upset stomach': { also: ['stomach upset'], effects: ['nausea', 'indigestion'] } });
  });

  it('refuses a class or effect the library does not have, a word said twice, and a word another vocabulary already has', () => {
    const parse = (lines: string[]) => () => parseLayTerms(['terms:', ...lines].join('\n'), classes, effectTerms);
    expect(parse(['  blood thinner:', '    classes: [antiplatelet]'])).toThrow('"antiplatelet" is not a tag in classes.yaml');
    expect(parse(['  upset stomach:', '    effects: [stomach ache]'])).toThrow('"stomach ache" is not a term in effect-terms.yaml');
    expect(parse(['  painkiller:', '    classes: [analgesic]', '  painkillers:', '    classes: [analgesic]'])).toThrow('"painkillers" is already a word for "painkiller"');
    expect(parse(['  sleepiness:', '    effects: [drowsiness]'])).toThrow('"sleepiness" is already the side effect "drowsiness" (effect-terms.yaml)');
    expect(parse(['  muscle relaxant:', '    classes: [muscle-relaxant]'])).toThrow('"muscle relaxant" is already the class tag muscle-relaxant');
    expect(parse(['  benzo: {}'])).toThrow('needs classes:, uses: or effects:');
    expect(parse(['  benzo:', '    class: [anticoagulant]'])).toThrow('unknown field "class"');
  });
});

describe('finding lay words in a query', () => {
  const index: TermIndex = termIndex(
    { 'blood thinner': { classes: ['anticoagulant'] }, painkiller: { also: ['pain reliever'], classes: ['analgesic'] }, 'sleeping pill': { classes: ['sedative-hypnotic'] } },
    effectTerms,
  );
  const lookUp = (key: string) => index[key];
  const found = (query: string) => termsOf(query.split(' '), lookUp).map(({ written, start, end }) => ({ written, start, end }));

  it('folds plurals and the words for a medicine: "blood thinners", "sleeping tablets"', () => {
    expect(layKey('Blood Thinners')).toBe('blood thinner');
    expect(layKey('sleeping tablets')).toBe('sleeping pill');
    expect(found('sleeping tablets')).toEqual([{ written: 'sleeping pill', start: 0, end: 2 }]);
  });

  it('finds the longest lay word first, left to right, and takes a "pill" after it as part of it', () => {
    expect(found('painkiller blood thinner pills')).toEqual([
      { written: 'painkiller', start: 0, end: 1 },
      { written: 'blood thinner', start: 1, end: 4 },
    ]);
    expect(found('warfarin')).toEqual([]);
  });

  it('finds side-effect synonyms too, as what they mean', () => {
    expect(termsOf(['sleepiness'], lookUp)).toEqual([{ written: 'sleepiness', lay: false, effects: ['drowsiness'], start: 0, end: 1 }]);
  });
});

describe('how many typos a word may have', () => {
  it('none for a short word, more for a long one', () => {
    expect([3, 4, 5, 8, 9, 12, 13].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('"interaction" is three typos from "injection": too many for eleven letters', () => {
    expect(closeness('interaction', 'injection', 0, typoBudget(11))).toBe(0);
    expect(closeness('interaction', 'injection')).toBeGreaterThan(0.7);
    expect(closeness('gabapenten', 'gabapentin', 0, typoBudget(10))).toBeGreaterThan(0.85);
  });
});

describe('words that stand together', () => {
  it('punctuation, a list item or a paragraph ends a run; a line break inside a paragraph does not', () => {
    expect(phraseRuns('Warfarin is a "blood\nthinner". Take it daily, with water.\n\n- Bleeding risk\n- Bruising easily')).toEqual([
      ['warfarin', 'is', 'a'],
      ['blood', 'thinner'],
      ['take', 'it', 'daily'],
      ['with', 'water'],
      ['bleeding', 'risk'],
      ['bruising', 'easily'],
    ]);
  });

  it('an apostrophe or a hyphen does not, and each word says where it starts', () => {
    expect(runsIn(nameKey("St John's wort, light-headedness"))).toEqual([
      { words: ['st', 'john', 's', 'wort'], starts: [0, 3, 8, 10] },
      { words: ['light', 'headedness'], starts: [16, 22] },
    ]);
  });
});
