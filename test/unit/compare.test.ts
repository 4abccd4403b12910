import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { duplicateTherapyClasses, effectVocabulary, resolveDrug } from '../../src/core/catalog';
import { compareDrugs } from '../../src/core/compare';
import type { Output } from '../../src/io/output';
import { renderCompare } from '../../src/render/compare';
import { pageText } from '../../src/render/page';
import { bundledLibrary } from '../../src/store/bundled';

const catalog = [bundledLibrary()];
const terminal = (width: number): Output => ({ isTerminal: true, color: false, width, style: new Chalk({ level: 0 }), out: () => {}, err: () => {}, note: () => {} });
const report = compareDrugs(
  ['baclofen', 'tizanidine', 'cyclobenzaprine'].map((name) => resolveDrug(catalog, name).monograph),
  effectVocabulary(catalog),
  duplicateTherapyClasses(catalog),
);

describe('medinfo compare', () => {
  it('three drugs fit 80 columns as one table', () => {
    const text = pageText(renderCompare(report, terminal(80)));
    expect(text).toMatch(/│ Effect +│ +Baclofen │ +Tizanidine │ +Cyclobenzaprine │/);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('at 60 columns, where the figures do not fit side by side, it stacks one block per effect', () => {
    const text = pageText(renderCompare(report, terminal(60)));
    expect(text).not.toContain('┌');
    expect(text).toMatch(/\nEffect: drowsiness\nBaclofen: 10–63%\nTizanidine: [^\n]+\nCyclobenzaprine: 38% \(pl 10%\)\n/);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('matches effects across drugs through the vocabulary, and tells "not listed" apart from 0%', () => {
    const dryMouth = report.side_effects.find((row) => row.effect === 'dry mouth')!;
    expect(dryMouth.cells[0]).toBeNull();
    expect(dryMouth.cells[2]).toMatchObject({ percent: 32, placebo_percent: 7 });
    expect(pageText(renderCompare(report, terminal(80))).replace(/\s+/g, ' ')).toContain('not listed by its sources (not the same as 0%)');
  });

  it('ends with the interactions between the compared drugs', () => {
    expect(report.interactions.pairs_checked).toBe(3);
    expect(pageText(renderCompare(report, terminal(80)))).toMatch(/\nBetween them\n\d+ interactions? /);
  });
});
