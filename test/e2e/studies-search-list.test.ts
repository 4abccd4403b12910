import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { json, medinfo, root } from './run';

describe('medinfo studies', () => {
  it('--json carries the seed study: 30 participants, 30% reported better sleep, from the article', () => {
    const out = json(['studies', 'baclofen', '--json']);
    expect(out.studies).toContainEqual(
      expect.objectContaining({ participants: 30, result_percent: 30, outcome: '30% of participants reported better sleep', source: 'seed-article' }),
    );
    expect(out.sources.map((s: { id: string }) => s.id)).toContain('seed-article');
  });

  it('piped, prints only the rows of study, participants, outcome, source and drug; the title, sources and reminder go to stderr', () => {
    const { stdout, stderr, code } = medinfo(['studies', 'lioresal']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(stderr).toContain('\nStudy\tParticipants\tOutcome\tSource\tDrug\n');
    expect(lines[0]).toBe('Small-scale baclofen sleep study\t30\t30% of participants reported better sleep\t[1] article\tbaclofen');
    expect(stdout).not.toContain('not medical advice');
    expect(stderr).toMatch(/^Baclofen — studies\n/);
    expect(stderr).toContain('  [1] Baclofen and Insomnia');
    expect(stderr).toMatch(/not medical advice.*\n$/);
  });
});

describe('medinfo search', () => {
  it('"muscle relaxant" finds baclofen and every other muscle relaxant through their class, before anything else', () => {
    const hits = json(['search', 'muscle', 'relaxant', '--json', '--limit', '50']);
    const relaxants = json(['list', '--class', 'muscle-relaxant', '--json']).map((d: { slug: string }) => d.slug);
    expect(relaxants).toContain('baclofen');
    const first = hits.slice(0, relaxants.length);
    expect(first.map((h: { slug: string }) => h.slug).sort()).toEqual([...relaxants].sort());
    for (const hit of first) expect(hit.matched).toContainEqual({ field: 'class', value: 'muscle relaxant' });
  });

  it('tolerates a typo in a brand name', () => {
    const hits = json(['search', 'lioresall', '--json']);
    expect(hits[0]).toMatchObject({ slug: 'baclofen' });
    expect(hits[0].matched).toContainEqual({ field: 'brand', value: 'Lioresal' });
  });

  it('finds words in the prose and shows a snippet containing them', () => {
    const hits = json(['search', 'forums', '--json']);
    expect(hits[0].slug).toBe('baclofen');
    expect(hits[0].snippet.toLowerCase()).toContain('forums');
  });

  it('finds drugs whose slug has a hyphen: "tylenol" finds Tylenol PM, "john" finds St John\'s wort', () => {
    const { stdout, stderr, code } = medinfo(['search', 'tylenol', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Tylenol itself is acetaminophen (its brand, exactly what was typed); Tylenol PM comes next.
    expect((JSON.parse(stdout) as Array<{ slug: string }>).slice(0, 2).map((hit) => hit.slug)).toEqual(['acetaminophen', 'tylenol-pm']);
    expect(json(['search', 'john', '--json'])[0]).toMatchObject({ slug: 'st-johns-wort' });
  });

  it('"advil" finds both Advil PM and ibuprofen, whose brand is Advil', () => {
    const hits = json(['search', 'advil', '--json']) as Array<{ slug: string; matched: Array<{ field: string; value: string }> }>;
    expect(hits.find((h) => h.slug === 'advil-pm')?.matched).toContainEqual({ field: 'name', value: 'Advil PM' });
    expect(hits.find((h) => h.slug === 'ibuprofen')?.matched).toContainEqual({ field: 'brand', value: 'Advil' });
  });

  it('exits 1 with a message on stderr when nothing matches', () => {
    const { stdout, stderr, code } = medinfo(['search', 'xylophone']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('medinfo: no drugs match "xylophone"\n');
  });

  it('rejects a bad --limit with exit 2', () => {
    expect(medinfo(['search', 'sleep', '--limit', '0']).code).toBe(2);
  });

  it('piped, prints only rows of drug, what matched and a snippet; the header, the reminder and how much was cut go to stderr', () => {
    const { stdout, stderr, code } = medinfo(['search', 'dizziness']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^gabapentin\tside effect: dizziness/);
    expect(stdout).not.toMatch(/Snippet|not medical advice|showing|\n\n/);
    expect(stderr).toMatch(/^Drug\tMatched\tSnippet\n[^]*not medical advice.*\nshowing 10 of \d+; --limit \d+ for more\n$/);
  });

  it('search dizziness | cut -f1 prints only drug names', () => {
    const names = medinfo(['search', 'dizziness']).stdout.trimEnd().split('\n').map((row) => row.split('\t')[0]);
    const slugs = new Set(medinfo(['list', '--names']).stdout.trimEnd().split('\n'));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(slugs.has(name!), name).toBe(true);
  });

  it('search --json with no hits prints [] and exits 1', () => {
    const { stdout, code } = medinfo(['search', 'xyzzyq', '--json']);
    expect(stdout).toBe('[]\n');
    expect(code).toBe(1);
  });
});

describe('medinfo list', () => {
  it('prints one drug per line, tab-separated when piped', () => {
    const { stdout, code } = medinfo(['list']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain('baclofen\tBaclofen\tmuscle-relaxant,gaba-b-agonist,cns-depressant');
  });

  it('--class filters by tag; an unknown tag is a usage error', () => {
    const slugs = json(['list', '--class', 'muscle-relaxant', '--json']).map((d: { slug: string }) => d.slug);
    expect(slugs).toContain('baclofen');
    const bad = medinfo(['list', '--class', 'not-a-class']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown class "not-a-class"');
  });

  it('lists every bundled monograph, one line each', () => {
    const files = readdirSync(join(root, 'data')).filter((name) => name.endsWith('.md'));
    const lines = medinfo(['list']).stdout.trimEnd().split('\n');
    expect(lines.map((line) => `${line.split('\t')[0]}.md`).sort()).toEqual(files.sort());
  });

  it('--json lists every drug with its slug', () => {
    const drugs = json(['list', '--json']);
    expect(drugs.length).toBeGreaterThan(0);
    for (const drug of drugs) expect(drug.slug).toMatch(/^[a-z0-9-]+$/);
  });
});
