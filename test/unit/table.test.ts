import fc from 'fast-check';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/io/output';
import { pagerCommand, splitWords } from '../../src/io/pager';
import { renderTable, type Column } from '../../src/render/table';

const terminal = (width: number, level: 0 | 1 = 0): Output => ({ isTerminal: true, color: level > 0, width, style: new Chalk({ level }), out: () => {}, err: () => {}, note: () => {} });
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
const widest = (text: string) => Math.max(...plain(text).split('\n').map((line) => [...line].length));

const prose = 'Boxed warning: other CNS depressants add to sedation and breathing suppression; keep both doses low and watch closely.';

describe('a table on a terminal', () => {
  it('is as wide as its content when that fits', () => {
    const text = renderTable([{ title: 'With' }, { title: 'Severity' }], [['strong-cyp3a4-inhibitor', 'moderate']], terminal(200));
    expect(text.split('\n')).toEqual([
      '┌─────────────────────────┬──────────┐',
      '│ With                    │ Severity │',
      '├─────────────────────────┼──────────┤',
      '│ strong-cyp3a4-inhibitor │ moderate │',
      '└─────────────────────────┴──────────┘',
    ]);
  });

  it('shrinks the widest column first, so short columns keep their width', () => {
    const text = renderTable([{ title: 'Effect' }, { title: 'Source' }], [[prose, '[1] label']], terminal(60));
    expect(widest(text)).toBeLessThanOrEqual(60);
    expect(text).toContain('│ [1] label │');
  });

  it('gives the shrunk columns room in proportion to their content', () => {
    const text = renderTable([{ title: 'Study' }, { title: 'Outcome' }], [['Baclofen in a model of transient insomnia', `${prose} ${prose}`]], terminal(80));
    const [study, outcome] = text.split('\n')[1]!.split('│').slice(1, 3).map((cell) => cell.length);
    expect(outcome!).toBeGreaterThan(study! * 2);
  });

  it('never wraps a column marked wrap: false', () => {
    const columns: Column[] = [{ title: 'Effect' }, { title: 'Patients', align: 'right', wrap: false }];
    const text = renderTable(columns, [[prose, '10–63% (pl 36%)']], terminal(60));
    expect(text).toMatch(/│ 10–63% \(pl 36%\) │/);
  });

  it('leaves an optional column out before the others get too narrow, and keeps it where there is room', () => {
    const columns: Column[] = [{ title: 'Effect', min: 30 }, { title: 'Bar', optional: true, wrap: false }, { title: 'Source' }];
    const rows = [[prose, '██████████████████', '[1] label']];
    const narrow = renderTable(columns, rows, terminal(60));
    expect(narrow).toMatch(/^┌/);
    expect(narrow).not.toContain('Bar');
    expect(renderTable(columns, rows, terminal(100))).toContain('Bar');
  });

  it('stacks into one block per row under 60 columns, leaving out empty cells and optional columns', () => {
    const columns: Column[] = [{ title: 'Effect' }, { title: 'Bar', optional: true }, { title: 'Placebo' }, { title: 'Source' }];
    const text = renderTable(columns, [['drowsiness', '███', '', '[1] label'], ['dizziness', '█', '3%', '[2] article']], terminal(59));
    expect(text).toBe('Effect: drowsiness\nSource: [1] label\n\nEffect: dizziness\nPlacebo: 3%\nSource: [2] article');
  });

  it('stacks when even the columns\' minimums do not fit', () => {
    const columns: Column[] = Array.from({ length: 8 }, (_, i) => ({ title: `Column ${i}`, wrap: false }));
    const text = renderTable(columns, [columns.map(() => 'a wide unwrappable cell')], terminal(80));
    expect(text).not.toContain('┌');
    expect(text).toContain('Column 7: a wide unwrappable cell');
  });

  it('fits any text in the width, in color or not, from 60 to 200 columns', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '–', '█', 'é', '-'), minLength: 1, maxLength: 30 });
    const cell = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 200 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 5 }), fc.constantFrom(0, 1), (width, count, rows, level) => {
        const columns: Column[] = Array.from({ length: count }, (_, i) => ({ title: `Title ${i}`, paint: terminal(width, level).style.bold }));
        expect(widest(renderTable(columns, rows, terminal(width, level)))).toBeLessThanOrEqual(width);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the pager setting', () => {
  it('is split into words as sh would split simple strings', () => {
    expect(splitWords('less -R')).toEqual(['less', '-R']);
    expect(splitWords("  most  'a b' \"c d\" e\\ f ''")).toEqual(['most', 'a b', 'c d', 'e f', '']);
    expect(splitWords('less | cat; $HOME')).toEqual(['less', '|', 'cat;', '$HOME']);
    expect(splitWords('   ')).toEqual([]);
  });

  it('is MEDINFO_PAGER, else PAGER, else less -FRX; blank counts as unset, and cat needs no pager', () => {
    expect(pagerCommand({ MEDINFO_PAGER: 'most', PAGER: 'more' })).toEqual(['most']);
    expect(pagerCommand({ MEDINFO_PAGER: ' ', PAGER: 'more -d' })).toEqual(['more', '-d']);
    expect(pagerCommand({ PAGER: '' })).toEqual(['less', '-FRX']);
    expect(pagerCommand({ PAGER: 'cat' })).toBeUndefined();
  });
});
