import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '../../src/compile/check-library';
import { loadFiles, monographFiles } from '../../src/compile/load-folder';
import { parseVocabulary } from '../../src/compile/read-classes';
import { nameKey, namesOf } from '../../src/core/names';

const root = join(__dirname, '..', '..');
const { classes } = parseVocabulary(readFileSync(join(root, 'data', 'classes.yaml'), 'utf8'));
const tags = new Set(Object.keys(classes));
const { loaded, problems } = loadFiles(monographFiles(join(root, 'data')), tags, (file) => file.slice(root.length + 1));
const drugs = loaded.map((item) => item.record.monograph);

describe('the bundled library', () => {
  it('every monograph passes the schema, and its sources and class tags resolve', () => {
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(drugs.length).toBeGreaterThan(0);
  });

  it('no name, brand or alias belongs to two drugs, and every interaction target exists', () => {
    expect(checkLibrary(loaded, tags).problems.map((p) => p.message)).toEqual([]);
    const owners = new Map<string, string>();
    for (const drug of drugs) {
      for (const name of namesOf(drug)) {
        const owner = owners.get(nameKey(name));
        expect(owner === undefined || owner === drug.slug, `"${name}" names both ${owner} and ${drug.slug}`).toBe(true);
        owners.set(nameKey(name), drug.slug);
      }
    }
  });

  it('ships the sleep, muscle-relaxant and most-prescribed drugs the library promises', () => {
    const promised = [
      'zolpidem', 'eszopiclone', 'zaleplon', 'suvorexant', 'lemborexant', 'ramelteon', 'doxepin', 'trazodone', 'mirtazapine',
      'quetiapine', 'diphenhydramine', 'doxylamine', 'melatonin', 'temazepam', 'clonazepam', 'lorazepam', 'alprazolam',
      'hydroxyzine', 'amitriptyline', 'gabapentin', 'pregabalin',
      'baclofen', 'tizanidine', 'cyclobenzaprine', 'methocarbamol', 'carisoprodol', 'metaxalone', 'dantrolene',
      'sertraline', 'escitalopram', 'metformin', 'lisinopril', 'losartan', 'atorvastatin', 'amlodipine', 'metoprolol',
      'levothyroxine', 'omeprazole', 'ibuprofen', 'acetaminophen', 'warfarin', 'tramadol', 'oxycodone', 'clonidine', 'hydralazine',
    ];
    const slugs = drugs.map((drug) => drug.slug);
    expect(promised.filter((slug) => !slugs.includes(slug))).toEqual([]);
  });

  it('every drug has at least 4 sourced side effects, a study and 2 interactions', () => {
    for (const drug of drugs.filter((monograph) => monograph.kind === undefined)) {
      const sourced = drug.side_effects.filter((row) => drug.sources.some((s) => s.id === row.source));
      expect(sourced.length, `${drug.slug} side effects`).toBeGreaterThanOrEqual(4);
      expect(drug.studies.length, `${drug.slug} studies`).toBeGreaterThanOrEqual(1);
      expect(drug.interactions.length, `${drug.slug} interactions`).toBeGreaterThanOrEqual(2);
    }
  });

  it('every label source gives its revision date, or the monograph says it is not confirmed', () => {
    const undated: string[] = [];
    for (const drug of drugs) {
      const saysSo = (drug.gaps ?? []).some((gap) => /revision dates?\b/i.test(gap));
      for (const source of drug.sources.filter((s) => s.kind === 'label' && s.date === undefined)) {
        if (!saysSo && !/revision date not shown/i.test(source.title)) undated.push(`${drug.slug}: ${source.id}`);
      }
    }
    expect(undated).toEqual([]);
  });

  it('two monographs that both describe a pair give it the same grade', () => {
    const bySlug = new Map(drugs.map((drug) => [drug.slug, drug]));
    const disagreements: string[] = [];
    for (const drug of drugs) {
      for (const row of drug.interactions) {
        const other = bySlug.get(row.with);
        for (const back of other?.interactions.filter((r) => r.with === drug.slug) ?? []) {
          if (back.severity !== row.severity) disagreements.push(`${drug.slug} → ${row.with}: ${row.severity}, but ${row.with} → ${drug.slug}: ${back.severity}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('docs/classes.md lists every class tag with its meaning', () => {
    const doc = readFileSync(join(root, 'docs', 'classes.md'), 'utf8');
    for (const [tag, meaning] of Object.entries(classes)) expect(doc).toContain(`| \`${tag}\` | ${meaning} |`);
  });

  it('the baclofen monograph keeps the seed article\'s figures and study, attributed to it', () => {
    const baclofen = drugs.find((drug) => drug.slug === 'baclofen')!;
    const seed = baclofen.sources.find((s) => s.title === 'Baclofen and Insomnia: Can It Help You Sleep Better?')!;
    expect(seed.kind).toBe('article');
    const figures = baclofen.side_effects.filter((row) => row.source === seed.id).map((row) => `${row.effect} ${row.percent}`);
    expect(figures).toEqual(['drowsiness 30', 'dizziness 20', 'fatigue 15', 'nausea 10']);
    expect(baclofen.studies.find((s) => s.source === seed.id)).toMatchObject({ participants: 30, result_percent: 30 });
  });
});
