import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMonograph } from '../../src/compile/parse-monograph';

const tags = new Set(['muscle-relaxant', 'gaba-b-agonist', 'cns-depressant', 'alcohol']);
const baclofen = readFileSync(join(__dirname, '..', '..', 'data', 'baclofen.md'), 'utf8');

function withFront(edit: (front: string) => string): string {
  const [, front, body] = baclofen.split(/^---$/m);
  return `---${edit(front!)}---${body}`;
}

function problem(text: string, slug = 'baclofen'): string {
  try {
    parseMonograph(text, 'x/baclofen.md', slug, tags);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('parsing a monograph file', () => {
  it('reads baclofen: front matter facts and ## sections', () => {
    const { monograph, blocks } = parseMonograph(baclofen, 'baclofen.md', 'baclofen', tags);
    expect(monograph.name).toBe('Baclofen');
    expect(monograph.reviewed).toBe('2026-11-24');
    expect(monograph.sections.map((s) => s.title)).toEqual([
      'What baclofen is',
      'How it works',
      'Role in sleep',
      'Research',
      'When to use it',
      'Side effects',
      'Warnings',
      'What users report',
    ]);
    expect(blocks).toHaveLength(monograph.sections.length);
    expect(blocks[1]![0]).toMatchObject({ type: 'paragraph' });
  });

  it('names the file and the field of a bad percentage', () => {
    expect(problem(withFront((f) => f.replace('percent: 30,', 'percent: 130,')))).toBe('x/baclofen.md:17: side_effects[0].percent: must be 0–100');
  });

  it('rejects a range written high to low', () => {
    expect(problem(withFront((f) => f.replace('percent: [10, 63]', 'percent: [63, 10]')))).toMatch(/side_effects\[4\]\.percent: a range/);
  });

  it('requires every source id to be listed under sources', () => {
    expect(problem(withFront((f) => f.replace('source: samih-2020', 'source: nowhere')))).toBe(
      'x/baclofen.md:46: studies[1].source: "nowhere" is not one of this file\'s sources',
    );
  });

  it('rejects a class tag outside the vocabulary', () => {
    expect(problem(withFront((f) => f.replace('classes: [muscle-relaxant', 'classes: [muscle-relaxer')))).toMatch(
      /classes\[0\]: "muscle-relaxer" is not a known class tag/,
    );
  });

  it('reports a missing required field and an unknown one', () => {
    expect(problem(withFront((f) => f.replace(/^rx: .*$/m, '')))).toBe('x/baclofen.md:1: rx: is required');
    expect(problem(withFront((f) => f.replace('rx: prescription', 'rx: prescription\ncolour: blue')))).toBe('x/baclofen.md:13: colour: is not a field of the monograph format (see docs/monograph-format.md)');
  });

  it('rejects a slug that does not match the file name', () => {
    expect(problem(baclofen, 'other')).toMatch(/slug: "baclofen" does not match the file name \(other\.md\)/);
  });

  it('reports broken YAML and missing front matter without a stack trace', () => {
    expect(problem('---\nname: [unclosed\n---\n')).toMatch(/^x\/baclofen\.md:3: front matter is not valid YAML/);
    expect(problem('# just markdown\n')).toBe('x/baclofen.md: has no YAML front matter between --- lines');
  });

  it('needs a percent or a frequency word on every side effect', () => {
    expect(problem(withFront((f) => f.replace('{effect: seizure, frequency: rare,', '{effect: seizure,')))).toMatch(/needs a percent or a frequency word/);
  });
});

describe('author-friendly errors', () => {
  it('explains a value cut at a comma in flow-style YAML', () => {
    const text = withFront((f) => f.replace('{effect: seizure, frequency: rare,', '{effect: seizure (fits, convulsions), frequency: rare,'));
    expect(problem(text)).toBe(
      'x/baclofen.md:35: side_effects[17].convulsions): looks like the rest of a value cut at a comma; put values that contain commas in quotes',
    );
  });
});
