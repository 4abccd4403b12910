import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { json, medinfo, root } from './run';

const vocabulary = (load(readFileSync(join(root, 'data', 'classes.yaml'), 'utf8')) as { tags: Record<string, string> }).tags;

describe('medinfo classes', () => {
  it('piped, prints one tag<TAB>meaning row per tag of the vocabulary, in its order, the header line on stderr', () => {
    const { stdout, stderr, code } = medinfo(['classes']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: 'Tag\tMeaning\n' });
    expect(stdout).toBe(Object.entries(vocabulary).map(([tag, meaning]) => `${tag}\t${meaning}\n`).join(''));
  });

  it('--json prints the tags as {tag, meaning} records', () => {
    expect(json(['classes', '--json'])).toEqual(Object.entries(vocabulary).map(([tag, meaning]) => ({ tag, meaning })));
  });
});

describe('list --class with a tag that does not exist', () => {
  it('suggests the nearest tag and points to medinfo classes', () => {
    expect(medinfo(['list', '--class', 'benzodiazepines'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'medinfo: unknown class "benzodiazepines" (medinfo classes lists the tags)\ndid you mean: benzodiazepine?\n',
    });
    expect(medinfo(['list', '--class', 'relaxant']).stderr).toContain('did you mean: muscle-relaxant?');
  });

  it('with nothing near, says only where the tags are listed', () => {
    expect(medinfo(['list', '--class', 'qqqqqq']).stderr).toBe('medinfo: unknown class "qqqqqq" (medinfo classes lists the tags)\n');
  });
});
