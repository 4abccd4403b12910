import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/names';
import { colorLevel } from '../../src/io/output';
import { formatPercent, percentBar } from '../../src/render/percent';
import { clean, cleanLine, cleanMessage, escapeJson } from '../../src/io/sanitize';

describe('name keys', () => {
  it('fold case, accents, hyphens and spaces', () => {
    expect(nameKey('  LIORÉSAL ')).toBe('lioresal');
    expect(nameKey('Muscle-Relaxant')).toBe('muscle relaxant');
    expect(nameKey('para_cetamol')).toBe('para cetamol');
  });
});

describe('sanitising text from data files', () => {
  it('shows escape sequences and control characters as text instead of letting them act, keeping tabs and newlines', () => {
    expect(clean('\u001b[31mred\u001b[0m\u0007 ok\ttab\nline')).toBe('\\x1b[31mred\\x1b[0m\\x07 ok\ttab\nline');
    expect(clean('\u001b]0;title\u0007x')).toBe('\\x1b]0;title\\x07x');
    expect(clean('a\u0085b\u202ec\u009bd')).toBe('a\\x85b\\u202ec\\x9bd');
  });

  it('keeps an error message on one visible line', () => {
    expect(cleanMessage('no drug named "a\nmedinfo: warning: forged"')).toBe('no drug named "a\\x0amedinfo: warning: forged"');
    expect(cleanMessage('tab\there\u202e')).toBe('tab\\x09here\\u202e');
  });

  it('escapes in JSON the controls JSON.stringify leaves raw, and the result is still the same JSON', () => {
    const value = { name: 'a\u009b31mb\u202ec\u2028d\u001be' };
    const text = escapeJson(JSON.stringify(value));
    expect(text).toBe('{"name":"a\\u009b31mb\\u202ec\\u2028d\\u001be"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('folds a cell onto one line', () => {
    expect(cleanLine('two\nlines\r\nhere')).toBe('two lines here');
    expect(cleanLine(' a \n \n b \n')).toBe(' a b ');
    expect(cleanLine('\n')).toBe(' ');
  });
});

describe('percent formatting', () => {
  it('writes single figures and ranges', () => {
    expect(formatPercent(30)).toBe('30%');
    expect(formatPercent([10, 63])).toBe('10–63%');
    expect(formatPercent(undefined)).toBe('');
  });

  it('draws bars: full cells, an eighth-cell end, and shading for a range', () => {
    expect(percentBar(100, 10)).toBe('██████████');
    expect(percentBar(30, 10)).toBe('███');
    expect(percentBar(35, 10)).toBe('███▌');
    expect(percentBar([10, 60], 10)).toBe('█░░░░░');
    expect(percentBar(0, 10)).toBe('');
  });
});

describe('deciding on color', () => {
  it('colors a terminal, not a pipe', () => {
    expect(colorLevel(true, {}, 'auto')).toBeGreaterThan(0);
    expect(colorLevel(false, {}, 'auto')).toBe(0);
  });

  it('with auto, FORCE_COLOR wins over NO_COLOR, which wins over the terminal', () => {
    expect(colorLevel(true, { NO_COLOR: '1' }, 'auto')).toBe(0);
    expect(colorLevel(true, { NO_COLOR: '' }, 'auto')).toBeGreaterThan(0);
    expect(colorLevel(false, { FORCE_COLOR: '1' }, 'auto')).toBe(1);
    expect(colorLevel(true, { FORCE_COLOR: '0' }, 'auto')).toBe(0);
    expect(colorLevel(false, { FORCE_COLOR: '3', NO_COLOR: '1' }, 'auto')).toBe(3);
    expect(colorLevel(true, { TERM: 'dumb' }, 'auto')).toBe(0);
  });

  it('--color always and never (and --no-color) win over the environment', () => {
    expect(colorLevel(true, { FORCE_COLOR: '1' }, 'never')).toBe(0);
    expect(colorLevel(false, { NO_COLOR: '1' }, 'always')).toBe(1);
    expect(colorLevel(false, { FORCE_COLOR: '0' }, 'always')).toBe(1);
    expect(colorLevel(false, { TERM: 'xterm-256color' }, 'always')).toBe(2);
    expect(colorLevel(false, { FORCE_COLOR: '3' }, 'always')).toBe(3);
  });
});
