import { describe, expect, it } from 'vitest';
import { medinfo, complaints } from './run';

type Report = {
  drugs: Array<{ slug: string; via?: string }>;
  pairs_checked: number;
  interactions: Array<{ severity: string; drugs: string[]; entries: Array<{ in: string; link: string; management?: string; source: { title: string } }> }>;
  duplicate_therapy: Array<{ drugs: string[]; class: string }>;
};
const report = (args: string[]) => JSON.parse(medinfo(['interactions', ...args, '--json']).stdout) as Report;
const pair = (r: Report, a: string, b: string) => r.interactions.find((f) => f.drugs.includes(a) && f.drugs.includes(b));

describe('medinfo interactions', () => {
  it("checks a nurse's list: the CNS-depressant and serotonergic pairs, with sources, in one headline", () => {
    const { stdout, stderr, code } = medinfo(['interactions', 'baclofen', 'zolpidem', 'tramadol', 'sertraline', 'alcohol']);
    expect(code).toBe(0);
    expect(complaints(stderr)).toBe('');
    // Piped: the rows on stdout; the headline, sources and caveats on stderr.
    expect(stderr).toMatch(/^\d+ interactions? (and \d+ duplicate-therapy warnings? )?among 5 drugs, 10 pairs checked\n/);
    // Most severe first: the Ambien label says zolpidem is not to be taken with alcohol.
    expect(stdout).toMatch(/^contraindicated\tZolpidem \+ Alcohol\t/);
    expect(stdout).toMatch(/\nmajor\tBaclofen \+ Zolpidem\tcns-depressant\t/);
    expect(stdout).toMatch(/\n\w+\tTramadol \+ Sertraline\tserotonergic\t/);
    expect(stderr).toContain('\nSources\n');
    expect(stderr).toContain('A pair not listed is not proof that the two are safe together');
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/not medical advice/);
    expect(stdout).not.toMatch(/Sources|not medical advice/);
  });

  it('matches an entry against the other drug\'s class tags, and a pair both monographs list is one row with both sources', () => {
    const found = pair(report(['baclofen', 'zolpidem']), 'baclofen', 'zolpidem')!;
    expect(found.entries.map((e) => [e.in, e.link])).toEqual(expect.arrayContaining([['baclofen', 'cns-depressant'], ['zolpidem', 'cns-depressant']]));
    expect(report(['baclofen', 'zolpidem']).interactions).toHaveLength(1);
  });

  it('alprazolam and clonazepam are a duplicate-therapy warning', () => {
    const r = report(['alprazolam', 'clonazepam']);
    expect(r.duplicate_therapy).toEqual([expect.objectContaining({ drugs: ['alprazolam', 'clonazepam'], class: 'benzodiazepine' })]);
    expect(medinfo(['check', 'alprazolam', 'clonazepam']).stdout).toMatch(/^duplicate therapy\tAlprazolam \+ Clonazepam\tbenzodiazepine\tTwo benzodiazepines /m);
  });

  it('a combination product is checked as its ingredients, and the same ingredient twice is a warning', () => {
    const r = report(['tylenol', 'pm', 'diphenhydramine']);
    expect(r.drugs).toEqual([
      { slug: 'acetaminophen', name: 'Acetaminophen', via: 'Tylenol PM', origin: { kind: 'bundled' } },
      { slug: 'diphenhydramine', name: 'Diphenhydramine', via: 'Tylenol PM', origin: { kind: 'bundled' } },
      { slug: 'diphenhydramine', name: 'Diphenhydramine', origin: { kind: 'bundled' } },
    ]);
    expect(r.duplicate_therapy).toContainEqual(expect.objectContaining({ drugs: ['diphenhydramine', 'diphenhydramine'], class: 'same-ingredient' }));
    expect(pair(report(['percocet', 'alprazolam']), 'oxycodone', 'alprazolam')?.severity).toBe('major');
  });

  it('show on a combination lists its ingredients', () => {
    expect(medinfo(['show', 'tylenol', 'pm']).stdout).toMatch(/^Tylenol PM\nContains: acetaminophen, diphenhydramine\n/);
  });

  it('Advil PM is checked as ibuprofen and diphenhydramine, while Advil alone stays ibuprofen', () => {
    expect(medinfo(['show', 'advil', 'pm']).stdout).toMatch(/^Advil PM\nContains: ibuprofen, diphenhydramine\n/);
    expect(medinfo(['show', 'advil']).stdout).toMatch(/^Ibuprofen\n/);
    const r = report(['advil', 'pm', 'sertraline']);
    expect(r.drugs).toEqual([
      { slug: 'ibuprofen', name: 'Ibuprofen', via: 'Advil PM', origin: { kind: 'bundled' } },
      { slug: 'diphenhydramine', name: 'Diphenhydramine', via: 'Advil PM', origin: { kind: 'bundled' } },
      { slug: 'sertraline', name: 'Sertraline', origin: { kind: 'bundled' } },
    ]);
    expect(pair(r, 'ibuprofen', 'sertraline')).toMatchObject({ severity: 'moderate', entries: [expect.objectContaining({ in: 'sertraline', link: 'nsaid' })] });
    expect(report(['advil', 'pm', 'advil']).duplicate_therapy).toEqual([expect.objectContaining({ drugs: ['ibuprofen', 'ibuprofen'], class: 'same-ingredient' })]);
  });

  it('Advil PM with Tylenol PM warns once of duplicate therapy: diphenhydramine is in both', () => {
    const r = report(['advil', 'pm', 'tylenol', 'pm']);
    expect(r.drugs.map((d) => `${d.slug} via ${d.via}`)).toEqual([
      'ibuprofen via Advil PM',
      'diphenhydramine via Advil PM',
      'acetaminophen via Tylenol PM',
      'diphenhydramine via Tylenol PM',
    ]);
    expect(r.duplicate_therapy).toEqual([expect.objectContaining({ drugs: ['diphenhydramine', 'diphenhydramine'], class: 'same-ingredient' })]);
    const { stdout, stderr, code } = medinfo(['interactions', 'advil', 'pm', 'tylenol', 'pm']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^0 interactions and 1 duplicate-therapy warning among 4 drugs, 6 pairs checked\n/);
    expect(stdout).toMatch(/^duplicate therapy\tDiphenhydramine \+ Diphenhydramine\tsame-ingredient\tDiphenhydramine is in the list twice: in Advil PM and in Tylenol PM\./);
  });

  it('--fail-on exits 3 when something that severe is found, 0 when not, and still prints the report', () => {
    const gated = medinfo(['interactions', 'baclofen', 'zolpidem', '--fail-on', 'major']);
    expect(gated.code).toBe(3);
    expect(complaints(gated.stderr)).toBe('');
    expect(gated.stdout).toContain('Baclofen + Zolpidem');
    expect(medinfo(['interactions', 'baclofen', 'zolpidem', '--fail-on', 'contraindicated']).code).toBe(0);
    expect(medinfo(['interactions', 'baclofen', 'zolpidem', '--fail-on', 'bad']).code).toBe(2);
  });

  it('a name that does not resolve exits 1 with suggestions and checks nothing', () => {
    const { stdout, stderr, code } = medinfo(['interactions', 'baclofen', 'zolpidm']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('medinfo: no drug named "zolpidm"\ndid you mean: Zolpidem?\n');
  });

  it('one drug alone is a usage error', () => {
    expect(medinfo(['interactions', 'baclofen'])).toMatchObject({ code: 2, stderr: 'medinfo: interactions needs at least two drugs (or one combination product) to check\n' });
  });

  it('reads the list from stdin', () => {
    const { stdout, code } = medinfo(['interactions', '-', '--json'], {}, { input: 'baclofen\nzolpidem\n' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pairs_checked).toBe(1);
  });
});
