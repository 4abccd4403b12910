import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { resolveDrug } from '../../src/core/catalog';
import { sideEffectsReport } from '../../src/core/side-effects';
import type { Output } from '../../src/io/output';
import { renderList } from '../../src/render/list';
import { showReport } from '../../src/core/show';
import { renderShow } from '../../src/render/show';
import { pageText } from '../../src/render/page';
import { renderSideEffectsPage } from '../../src/render/side-effects';
import { bundledLibrary } from '../../src/store/bundled';

const ROWS = 250_000;
const piped: Output = { isTerminal: false, color: false, width: 80, style: new Chalk({ level: 0 }), out: () => {}, err: () => {}, note: () => {} };
const terminal: Output = { ...piped, isTerminal: true };

describe('renderers at sizes no monograph should have', () => {
  const record = resolveDrug([bundledLibrary()], 'baclofen');
  const row = record.monograph.side_effects.find((r) => r.percent !== undefined)!;
  const monograph = { ...record.monograph, side_effects: Array.from({ length: ROWS }, () => row) };

  it(`print ${ROWS} side-effect rows without overflowing the call stack`, () => {
    const page = pageText(renderSideEffectsPage(sideEffectsReport(monograph, { sort: 'percent' }), piped));
    expect(page.split('\n').length).toBeGreaterThan(ROWS);
    expect(renderShow(showReport({ ...record, monograph }), piped).split('\n').length).toBeGreaterThan(ROWS);
  });

  it(`list ${ROWS} drugs on a terminal without overflowing the call stack`, () => {
    const drugs = Array.from({ length: ROWS }, (_, i) => ({ slug: `d${i}`, name: `Drug ${i}`, brands: [], aliases: [], classes: ['x'], uses: [], rx: 'rx' }));
    expect(pageText(renderList(drugs, terminal)).split('\n').length).toBe(ROWS + 1);
  });
});
