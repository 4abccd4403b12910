import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseMonograph } from '../../src/compile/parse-monograph';
import { sideEffectsReport } from '../../src/core/side-effects';
import { renderList } from '../../src/render/list';
import type { Output } from '../../src/io/output';
import { showReport } from '../../src/core/show';
import { renderShow } from '../../src/render/show';
import { pageText } from '../../src/render/page';
import { renderSideEffectsPage } from '../../src/render/side-effects';
import { renderTable } from '../../src/render/table';
import { wrapText } from '../../src/render/wrap';

// Data that is long but valid (or comes from a compiled library, which is read
// as it is) renders in linear time and never overflows the call stack.

const tags = new Set(['z-drug', 'sedative-hypnotic', 'cns-depressant', 'alcohol']);
const record = parseMonograph(readFileSync(join(__dirname, '..', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8'), 'zopiclone.md', 'zopiclone', tags);

function output(isTerminal: boolean, level: 0 | 1 = 0): Output {
  return { isTerminal, color: level > 0, width: 80, style: new Chalk({ level }), out: () => {}, err: () => {}, note: () => {} };
}

function seconds(run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

const manyRows = Array.from({ length: 250_000 }, (_, i) => ({ effect: `effect ${i}`, percent: 5, source: 'test-fixture' }));
const huge = { ...record, monograph: { ...record.monograph, side_effects: manyRows } };

describe('long text on a terminal', () => {
  it('wraps a paragraph with a run of 100,000 spaces in well under a second', () => {
    let lines: string[] = [];
    expect(seconds(() => (lines = wrapText(`Start${' '.repeat(100_000)}end.`, output(true), '', '')))).toBeLessThan(1);
    expect(lines.at(-1)).toBe('end.');
  });

  it('wraps 20,000 bold words in well under a second', () => {
    const bold = new Chalk({ level: 1 }).bold;
    let lines: string[] = [];
    expect(seconds(() => (lines = wrapText(Array(20_000).fill(bold('word')).join(' '), output(true, 1), '', '')))).toBeLessThan(1);
    expect(lines.length).toBeGreaterThan(1000);
  });

  it('draws a long table with wrapping cells as one box', () => {
    const columns = [{ title: 'Effect' }, { title: 'Patients', align: 'right' as const }];
    const rows = Array.from({ length: 1_200 }, (_, i) => [`effect ${i} with a name long enough to wrap${' and longer still'.repeat(i % 5)}`, `${i % 100}%`]);
    const text = renderTable(columns, rows, output(true));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^┌─+┬─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┴─+┘$/);
    expect(lines.filter((line) => line.startsWith('┌') || line.startsWith('└'))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('├'))).toHaveLength(1_200);
    expect(text).toContain('│ effect 1199 with a name long enough to wrap and longer still and  │      99% │\n│ longer still and longer still and longer still                    │          │');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('huge arrays do not overflow the call stack', () => {
  it('side-effects prints 250,000 rows', () => {
    const page = pageText(renderSideEffectsPage(sideEffectsReport(huge.monograph, { sort: 'name' }), output(false)));
    expect(page.split('\n').length).toBeGreaterThan(250_000);
  });

  it('show prints a drug with 250,000 rows', () => {
    expect(renderShow(showReport(huge), output(false))).toContain('effect 249999\t5%');
  });

  it('list aligns 250,000 drugs on a terminal', () => {
    const drugs = Array.from({ length: 250_000 }, (_, i) => ({ slug: `drug-${i}`, name: `Drug ${i}`, brands: [], aliases: [], classes: ['z-drug'], uses: ['x'], rx: 'prescription' as const }));
    expect(pageText(renderList(drugs, output(true))).split('\n')).toHaveLength(250_001);
  });
});
