import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseMonograph } from '../../src/compile/parse-monograph';
import { sideEffectsReport } from '../../src/core/side-effects';
import type { Output } from '../../src/io/output';
import { showReport } from '../../src/core/show';
import { renderShow } from '../../src/render/show';
import { renderSideEffects } from '../../src/render/side-effects';

const tags = new Set(['muscle-relaxant', 'gaba-b-agonist', 'cns-depressant', 'alcohol']);
const record = parseMonograph(readFileSync(join(__dirname, '..', '..', 'data', 'baclofen.md'), 'utf8'), 'baclofen.md', 'baclofen', tags);

function terminal(width: number, level: 0 | 1 = 0): Output {
  return { isTerminal: true, color: level > 0, width, style: new Chalk({ level }), out: () => {}, err: () => {}, note: () => {} };
}

describe('rendering for a terminal', () => {
  it('draws the side-effect table with boxes, bars and the note beside the effect', () => {
    const lines = renderSideEffects(sideEffectsReport(record.monograph, { sort: 'percent' }), terminal(80));
    const text = lines.join('\n');
    expect(lines[0]).toMatch(/^┌─+┬/);
    expect(text).toMatch(/│ drowsiness — transient; range +│ +10–63% │ █░░░░░ +│ +│ \[2\] label +│/);
    expect(text).toMatch(/│ drowsiness +│ +30% │ ███ +│ +│ \[1\] article │/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('wraps prose to the terminal width with bullets for lists', () => {
    const text = renderShow(showReport(record), terminal(60));
    const prose = text.split('\n').filter((line) => line.startsWith('  ') && !line.includes('│'));
    for (const line of prose) expect(line.length).toBeLessThanOrEqual(60);
    expect(text).toContain('  • Arthur Bannister\'s article');
  });

  it('colors only through the style it is given, and shows escape codes that came from data as text', () => {
    const hostile = {
      ...record,
      monograph: { ...record.monograph, name: 'Bac\u001b[31mlofen\u001b]0;pwned\u0007' },
    };
    const plain = renderShow(showReport(hostile), terminal(80, 0));
    expect(plain).not.toMatch(/\u001b/);
    expect(plain.startsWith('Bac\\x1b[31mlofen\\x1b]0;pwned\\x07\n')).toBe(true);
    expect(renderShow(showReport(record), terminal(80, 1))).toMatch(/\u001b\[1m/);
  });
});
