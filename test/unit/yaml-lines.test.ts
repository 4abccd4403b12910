import { describe, expect, it } from 'vitest';
import { yamlLines } from '../../src/compile/yaml-lines';

// Front matter as splitFrontMatter gives it: starting with the newline that ends the opening --- (line 1).
const yaml = [
  '',
  'name: Example',
  'classes: [one, two]',
  'uses:',
  '  - first use',
  '  - second use',
  'side_effects:',
  '  # a comment line',
  '  - {effect: a, percent: 140, source: s}',
  '  - effect: b',
  '    percent: [3, 1]',
  '    source: s',
  'sources:',
  '  - id: s',
  '    title: A source',
  '',
].join('\n');

describe('finding the line of a front-matter field', () => {
  const lineOf = yamlLines(yaml);

  it('places a field on its key\'s line, a list item where it starts, in block and flow style alike', () => {
    expect(lineOf('name')).toBe(2);
    expect(lineOf('classes[1]')).toBe(3);
    expect(lineOf('uses[1]')).toBe(6);
    expect(lineOf('side_effects[0]')).toBe(9);
    expect(lineOf('side_effects[0].percent')).toBe(9);
    expect(lineOf('side_effects[1].percent')).toBe(11);
    expect(lineOf('sources[0].title')).toBe(15);
  });

  it('places a field the file leaves out at its nearest ancestor, or the opening line', () => {
    expect(lineOf('side_effects[1].note')).toBe(10);
    expect(lineOf('rx')).toBe(1);
    expect(lineOf(null)).toBeNull();
  });

  it('gives up on positions, not the problem, for YAML it cannot read', () => {
    expect(yamlLines('\nname: [unclosed\n')('name')).toBe(1);
  });
});
