import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/import/spl';
import { parseFigure, readEffectTable } from '../../src/import/tables';
import { childNamed, parseXml } from '../../src/import/xml';

// A made-up table in SPL markup (not a real label's figures): a header spanning the dose
// columns, <br/> and a footnote inside header cells, a rowspan group cell, and the cell forms labels use.
const table = readTable(
  childNamed(parseXml(
    `<table><caption>Table 3. Adverse reactions in 12-week trials (% of patients)</caption>
      <thead>
        <tr><th rowspan="2">Reaction<footnote>At least 2% and more than placebo</footnote></th><th colspan="2">Examplol</th><th rowspan="2">Placebo<br/>(n=100)</th><th rowspan="2">Warfarin<br/>(n=90)</th></tr>
        <tr><th>25 mg<br/>(n=312)</th><th>50 mg<br/>(N = 1,024)</th></tr>
      </thead>
      <tbody>
        <tr><td colspan="5"><content styleCode="bold">Nervous system</content></td></tr>
        <tr><td>Somnolence<sup>a</sup></td><td>16%</td><td>8.3</td><td>2</td><td>1</td></tr>
        <tr><td>Dizziness</td><td>2/103 (4%)</td><td>&lt;1%</td><td>&lt;1%</td><td>0</td></tr>
        <tr><td>Headache*</td><td>NR</td><td>12 (4%)</td><td>-</td><td>3</td></tr>
        <tr><td colspan="5">a. Includes sedation.</td></tr>
      </tbody></table>`,
    { html: true },
  ), 'table')!,
);

describe('reading a label table', () => {
  const reading = readEffectTable(table, ['examplol'], 'a table');

  it('makes one row per drug arm, with the placebo figure, participants from n= and a note naming table and arm', () => {
    expect(reading.name).toBe('Table 3');
    expect(reading.rows).toEqual([
      { effect: 'somnolence', percent: 16, placebo_percent: 2, participants: 312, system: 'nervous system', note: 'Table 3, Examplol 25 mg' },
      { effect: 'somnolence', percent: 8.3, placebo_percent: 2, participants: 1024, system: 'nervous system', note: 'Table 3, Examplol 50 mg' },
      { effect: 'dizziness', percent: 4, placebo_percent: [0, 1], participants: 103, system: 'nervous system', note: 'Table 3, Examplol 25 mg' },
      { effect: 'dizziness', percent: [0, 1], placebo_percent: [0, 1], participants: 1024, system: 'nervous system', note: 'Table 3, Examplol 50 mg' },
      { effect: 'headache', percent: 4, participants: 1024, system: 'nervous system', note: 'Table 3, Examplol 50 mg' },
    ]);
  });

  it('leaves out what it cannot read with confidence, and says so: an active comparator, NR, a placebo written -', () => {
    expect(reading.leftOut).toEqual([
      'Table 3: column "Warfarin (n=90)" is neither the drug nor placebo, left out',
      'Table 3, headache, Examplol 25 mg: "NR" not read as a percentage',
      'Table 3: placebo written "-" for headache; no placebo figure taken',
    ]);
  });

  it('reads a bare number as a percentage only when the caption or header says %', () => {
    expect(parseFigure('8.3', true)).toEqual({ percent: 8.3 });
    expect(parseFigure('8.3', false)).toBeUndefined();
    expect(parseFigure('16 %', false)).toEqual({ percent: 16 });
    expect(parseFigure('2/103 (4%)', false)).toEqual({ percent: 4, participants: 103 });
    expect(parseFigure('<1%', false)).toEqual({ percent: [0, 1] });
    expect(parseFigure('10–63%', false)).toEqual({ percent: [10, 63] });
    expect(parseFigure('120%', false)).toBeUndefined();
    expect(parseFigure('', true)).toBe('blank');
    expect(parseFigure('—', true)).toBe('dash');
  });
});
