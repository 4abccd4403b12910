import { describe, expect, it } from 'vitest';
import { medinfo } from './run';

type Report = { term: string; matched_words: string[]; drugs: Array<{ slug: string; rows: Array<{ effect: string; percent?: number | number[]; source: { kind: string } }> }>; not_listed?: string[] };
const report = (args: string[]) => JSON.parse(medinfo(['effect', ...args, '--json']).stdout) as Report;
const top = (value: number | number[] | undefined) => (value === undefined ? -1 : typeof value === "number" ? value : value[1]!);

describe('medinfo effect', () => {
  it('effect drowsiness ranks the drugs by their highest figure, each row with its source', () => {
    const { drugs, term } = report(['drowsiness']);
    expect(term).toBe('drowsiness');
    expect(drugs.length).toBeGreaterThan(10);
    const highest: number[] = drugs.map((drug) => top(drug.rows[0]!.percent));
    expect(highest).toEqual([...highest].sort((a: number, b: number) => b - a));
    for (const drug of drugs) for (const row of drug.rows) expect(row.source.kind).toMatch(/label|trial|article|review/);
  });

  it('effect somnolence finds the drugs that list drowsiness: one vocabulary of synonyms', () => {
    const bySomnolence = report(['somnolence']);
    expect(bySomnolence.term).toBe('drowsiness');
    expect(bySomnolence.drugs.map((d) => d.slug)).toContain('baclofen');
    expect(bySomnolence.drugs.map((d) => d.slug)).toEqual(report(['drowsiness']).drugs.map((d) => d.slug));
    expect(report(['xerostomia']).term).toBe('dry mouth');
    expect(report(['asthenia']).term).toBe('weakness');
  });

  it('side-effects --json gives each row its effects in the vocabulary\'s words, so scripts can match them across drugs', () => {
    const rows = JSON.parse(medinfo(['side-effects', 'lemborexant', '--json']).stdout).side_effects as Array<{ effect: string; terms: string[] }>;
    expect(rows.find((row) => row.effect === 'somnolence')?.terms).toEqual(['drowsiness']);
    expect(rows.find((row) => row.effect === 'somnolence or fatigue')?.terms).toEqual(['drowsiness', 'fatigue']);
  });

  it('a lay word finds what it means: "upset stomach" is nausea and indigestion, "drowsy" is drowsiness', () => {
    const upset = report(['upset', 'stomach']);
    expect(upset.term).toBe('upset stomach');
    expect(upset.matched_words).toEqual(['nausea', 'indigestion', 'dyspepsia']);
    for (const drug of upset.drugs) for (const row of drug.rows) expect(row.effect).toMatch(/nausea|indigestion|dyspepsia/i);
    expect(upset.drugs.map((d) => d.slug)).toEqual(expect.arrayContaining(report(['nausea']).drugs.map((d) => d.slug)));
    const drowsy = report(['drowsy']);
    expect(drowsy.term).toBe('drowsiness');
    expect(drowsy.drugs.map((d) => d.slug)).toEqual(report(['drowsiness']).drugs.map((d) => d.slug));
    expect(medinfo(['effect', 'upset', 'stomach']).stderr).toMatch(/^upset stomach \(also: nausea, indigestion, dyspepsia\): \d+ drugs list it\n/);
  });

  it('vertigo is not dizziness: a row counts only where it names the effect', () => {
    const vertigo = report(['vertigo']);
    for (const drug of vertigo.drugs) for (const row of drug.rows) expect(row.effect).toMatch(/vertigo/i);
  });

  it('--among answers "which of my medicines can cause dizziness?", naming those whose sources do not list it', () => {
    const { stdout, stderr, code } = medinfo(['effect', 'dizziness', '--among', 'baclofen,zolpidem,lisinopril,levothyroxine']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^dizziness \(also: [^)]*\): 3 drugs list it, of 4 checked\n/);
    expect(new Set(stdout.trimEnd().split('\n').map((row) => row.split('\t')[1]))).toEqual(new Set(['baclofen', 'zolpidem', 'lisinopril']));
    expect(report(['dizziness', '--among', 'baclofen,levothyroxine']).not_listed).toEqual(['levothyroxine']);
    expect(stderr).toContain('not the same as 0%');
  });

  it('--min keeps only figures at or above it', () => {
    for (const drug of report(['drowsiness', '--min', '30']).drugs) for (const row of drug.rows) expect(top(row.percent)).toBeGreaterThanOrEqual(30);
  });

  it('a typo is matched against the vocabulary only, with a note on stderr naming the term used', () => {
    const { stderr, code } = medinfo(['effect', 'drowsyness', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('medinfo: note: no side effect "drowsyness"; showing "drowsiness"\n');
  });

  it('an unknown term exits 1', () => {
    expect(medinfo(['effect', 'qqqqq'])).toMatchObject({ code: 1, stdout: '' });
  });
});
