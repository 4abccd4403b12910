import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '../../src/compile/check-library';
import { parseMonograph } from '../../src/compile/parse-monograph';
import { formatProblem } from '../../src/core/problem';

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8');
const tags = new Set(['z-drug', 'sedative-hypnotic', 'cns-depressant', 'alcohol']);

/** The fixture monograph with `edit` applied to its text, parsed as `<slug>.md`. */
function parse(edit: (text: string) => string = (text) => text, slug = 'zopiclone') {
  return parseMonograph(edit(fixture), `${slug}.md`, slug, tags);
}

function problemOf(edit: (text: string) => string): string {
  try {
    parse(edit);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the edited monograph was accepted');
}

/** A second drug under another slug, name and brands. */
function other(slug: string, brands: string) {
  return parse((text) => text.replace('slug: zopiclone', `slug: ${slug}`).replace('name: Zopiclone', `name: ${slug}`).replace('brands: [Imovane, Zimovane]', `brands: [${brands}]`), slug);
}

describe('checking one monograph', () => {
  it('rejects a source id used twice', () => {
    expect(problemOf((text) => text.replace('sources:\n', 'sources:\n  - {id: test-fixture, title: Again, kind: review}\n'))).toBe(
      'zopiclone.md:20: sources[1].id: "test-fixture" is used twice',
    );
  });

  it('rejects a row citing a source id the file does not define', () => {
    expect(problemOf((text) => text.replace('{effect: headache, frequency: uncommon, source: test-fixture}', '{effect: headache, frequency: uncommon, source: nowhere}'))).toBe(
      'zopiclone.md:14: side_effects[3].source: "nowhere" is not one of this file\'s sources',
    );
  });

  it('rejects a source that no row cites, unless it says what prose it backs', () => {
    const extra = (more: string) => (text: string) => text.replace('sources:\n', `sources:\n  - {id: orphan, title: Nobody cites this, kind: review${more}}\n`);
    expect(problemOf(extra(''))).toBe('zopiclone.md:19: sources[0]: "orphan" is cited by no row; cite it, or say in supports what prose it backs');
    expect(parse(extra(', supports: the Overview')).monograph.sources[0]).toMatchObject({ id: 'orphan', supports: 'the Overview' });
  });

  it('rejects a placebo figure on a row that gives the drug only a frequency word', () => {
    expect(problemOf((text) => text.replace('{effect: headache, frequency: uncommon, source: test-fixture}', '{effect: headache, frequency: uncommon, placebo_percent: 2, source: test-fixture}'))).toBe(
      'zopiclone.md:14: side_effects[3].placebo_percent: gives a placebo or comparator figure but no figure for the drug, so the two cannot be compared',
    );
  });

  it('rejects an unknown class tag', () => {
    expect(problemOf((text) => text.replace('classes: [z-drug,', 'classes: [no-such-class,'))).toBe(
      'zopiclone.md:6: classes[0]: "no-such-class" is not a known class tag (medinfo classes lists them)',
    );
  });
});

describe('checking a library as a whole', () => {
  it('rejects an interaction with something that is neither a drug nor a class tag', () => {
    const item = { file: 'zopiclone.md', record: parse((text) => text.replace('{with: alcohol,', '{with: no-such-drug,')) };
    const { accepted, problems } = checkLibrary([item], tags);
    expect(accepted).toEqual([]);
    expect(problems.map(formatProblem)).toEqual(['zopiclone.md: interactions[0].with: "no-such-drug" is neither a drug in the library nor a class tag']);
  });

  it('accepts an interaction naming another drug of the library', () => {
    const item = { file: 'zopiclone.md', record: parse((text) => text.replace('{with: alcohol,', '{with: eszopiclone,')) };
    const { problems } = checkLibrary([item, { file: 'eszopiclone.md', record: other('eszopiclone', 'Lunesta') }], tags);
    expect(problems).toEqual([]);
  });

  it('rejects a combination whose ingredient is not a drug of the library', () => {
    const combo = parse((text) => text.replace('name: Zopiclone', 'name: Combo').replace('slug: zopiclone', 'slug: combo\nkind: combination\ningredients: [eszopiclone, nowhere]').replace('brands: [Imovane, Zimovane]', 'brands: []'), 'combo');
    const { problems } = checkLibrary([{ file: 'combo.md', record: combo }, { file: 'eszopiclone.md', record: other('eszopiclone', 'Lunesta') }], tags);
    expect(problems.map(formatProblem)).toEqual(['combo.md: ingredients[1]: "nowhere" is not a drug in the library']);
  });

  it('rejects a combination with one ingredient, and ingredients on a drug', () => {
    expect(problemOf((text) => text.replace('slug: zopiclone', 'slug: zopiclone\nkind: combination\ningredients: [eszopiclone]'))).toBe(
      'zopiclone.md:5: ingredients: a combination needs at least two ingredients',
    );
    expect(problemOf((text) => text.replace('slug: zopiclone', 'slug: zopiclone\ningredients: [a, b]'))).toBe(
      'zopiclone.md:4: ingredients: only a combination (kind: combination) has ingredients',
    );
  });

  it('rejects a name of more than six words, which a list of names could not be read past', () => {
    const item = { file: 'zopiclone.md', record: parse((text) => text.replace('brands: [Imovane, Zimovane]', 'brands: [One Two Three Four Five Six Seven]')) };
    expect(checkLibrary([item], tags).problems.map(formatProblem)).toEqual([
      'zopiclone.md: brands[0]: "One Two Three Four Five Six Seven" has more than 6 words; names, brands and aliases are kept shorter so a list of names can be read',
    ]);
  });

  it('rejects a brand that a second drug also claims, keeping the first', () => {
    const first = { file: 'zopiclone.md', record: parse() };
    const second = { file: 'copy.md', record: other('copy', 'Imovane') };
    const { accepted, problems } = checkLibrary([first, second], tags);
    expect(accepted.map((item) => item.file)).toEqual(['zopiclone.md']);
    expect(problems.map(formatProblem)).toEqual(['copy.md: brands[0]: "Imovane" already names zopiclone']);
  });
});
