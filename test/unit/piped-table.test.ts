import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/io/output';
import { renderTable } from '../../src/render/table';

const piped: Output = { isTerminal: false, color: false, width: 80, style: new Chalk({ level: 0 }), out: () => {}, err: () => {}, note: () => {} };

describe('a piped table', () => {
  it('keeps each row on one line and each cell in one field, whatever the cell holds', () => {
    const text = renderTable([{ title: 'Drug' }, { title: 'As listed' }], [['a\tb', 'one\n  two\r\nthree'], ['plain', 'x\u001b[2Jy']], piped);
    expect(text.split('\n')).toEqual(['Drug\tAs listed', 'a b\tone two three', 'plain\tx\\x1b[2Jy']);
  });
});
