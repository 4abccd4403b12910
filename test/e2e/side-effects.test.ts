import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, medinfo, root } from './run';

interface Row {
  effect: string;
  percent?: number | [number, number];
  placebo_percent?: number;
  participants?: number;
  frequency?: string;
  source: string;
}

describe('medinfo side-effects', () => {
  it('--json carries the seed article\'s four figures, each attributed to the article', () => {
    const out = json<{ slug: string; side_effects: Row[]; sources: Array<{ id: string; title: string }> }>(['side-effects', 'baclofen', '--json']);
    expect(out.slug).toBe('baclofen');
    const fromSeed = out.side_effects.filter((row) => row.source === 'seed-article').map((row) => [row.effect, row.percent]);
    expect(fromSeed).toEqual(
      expect.arrayContaining([
        ['drowsiness', 30],
        ['dizziness', 20],
        ['fatigue', 15],
        ['nausea', 10],
      ]),
    );
    expect(out.sources.find((s) => s.id === 'seed-article')?.title).toBe('Baclofen and Insomnia: Can It Help You Sleep Better?');
  });

  it('shows the FDA label\'s disagreeing figures beside the article\'s, each with its own source', () => {
    const rows = json<{ side_effects: Row[] }>(['side-effects', 'baclofen', '--json']).side_effects;
    const drowsiness = rows.filter((row) => row.effect === 'drowsiness');
    expect(drowsiness).toContainEqual(expect.objectContaining({ percent: 30, source: 'seed-article' }));
    expect(drowsiness).toContainEqual(expect.objectContaining({ percent: [10, 63], source: 'fda-label-tablets' }));
    expect(drowsiness).toContainEqual(expect.objectContaining({ percent: 63, placebo_percent: 36, participants: 175 }));
    for (const row of rows) expect(row.source).toBeTruthy();
  });

  it('piped, prints only tab-separated rows under one header: figures, then the effects with only a frequency word', () => {
    const { stdout, code } = medinfo(['side-effects', 'baclofen']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('drowsiness\t10–63%\t\t[2] label\t\ttransient; range across studies\t\tbaclofen');
    expect(lines).toContain('drowsiness\t10–63%\t\t[2] label\t\ttransient; range across studies\t\tbaclofen');
    expect(lines).toContain('drowsiness\t63%\t36%\t[2] label\t175\tone controlled study\t\tbaclofen');
    expect(lines).toContain('drowsiness\t30%\t\t[1] article\t\t\t\tbaclofen');
    expect(lines).toContain('hallucinations\t\t\t[2] label\t\t\trare\tbaclofen');
    expect(stdout).not.toContain('█');
    expect(lines.slice(0, -1).every((line) => line.split('\t').length === 8)).toBe(true);
    expect(stdout.endsWith('\tbaclofen\n')).toBe(true);
  });

  it('piped, the title, the sources and the reminder go to stderr, where a person still reads them', () => {
    const { stdout, stderr } = medinfo(['side-effects', 'baclofen']);
    expect(stdout).not.toMatch(/side effects|Sources|not medical advice/);
    expect(stderr).toMatch(/^Baclofen — side effects\nEffect\tPatients\tPlacebo\tSource\tParticipants\tNote\tFrequency\tDrug\n/);
    expect(stderr).toContain('Sources\n  [1] Baclofen and Insomnia');
    expect(stderr).toMatch(/not medical advice.*\n$/);
  });

  it('several drugs piped: one header (on stderr) over every row, the Drug column telling them apart', () => {
    const { stdout, stderr, code } = medinfo(['side-effects', 'baclofen', 'zolpidem']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(stderr.split('\n').filter((line) => line.startsWith('Effect\t'))).toHaveLength(1);
    expect(stdout).not.toContain('Effect\t');
    const drugs = new Set(lines.map((line) => line.split('\t')[7]));
    expect([...drugs]).toEqual(['baclofen', 'zolpidem']);
  });

  it('pipes into cut: the second column is the percentage', () => {
    const { stdout } = medinfo(['side-effects', 'baclofen', '--sort', 'name']);
    const row = stdout.split('\n').find((line) => line.startsWith('weakness\t'))!;
    expect(row.split('\t')[1]).toBe('5–15%');
  });

  it('--min keeps only effects at or above the figure', () => {
    const rows = json<{ side_effects: Row[] }>(['side-effects', 'baclofen', '--min', '20', '--json']).side_effects;
    expect(rows.map((r) => r.effect).sort()).toEqual(['dizziness', 'drowsiness', 'drowsiness', 'drowsiness']);
  });

  it('--sort name orders the rows alphabetically', () => {
    const rows = json<{ side_effects: Row[] }>(['side-effects', 'baclofen', '--sort', 'name', '--json']).side_effects;
    const measured = rows.filter((r) => r.percent !== undefined).map((r) => r.effect);
    expect(measured).toEqual([...measured].sort());
  });

  it('rejects a --min that is not a percentage with exit 2', () => {
    for (const bad of ['abc', '-5', '101', '']) {
      const { stderr, code } = medinfo(['side-effects', 'baclofen', '--min', bad]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^medinfo: option '--min <percent>' argument '.*' is invalid/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('rejects an unknown --sort with exit 2', () => {
    const { stderr, code } = medinfo(['side-effects', 'baclofen', '--sort', 'size']);
    expect(code).toBe(2);
    expect(stderr).toContain('Allowed choices are percent, name');
  });
});

describe('side-effect figures in JSON', () => {
  it('every row has percent_low and percent_high beside percent, so jq needs no type test', () => {
    const rows = json<{ side_effects: Array<Record<string, unknown>> }>(['side-effects', 'baclofen', '--json']).side_effects;
    const range = rows.find((row) => Array.isArray(row.percent))!;
    expect(range).toMatchObject({ percent: [10, 63], percent_low: 10, percent_high: 63, placebo_low: null, placebo_high: null });
    expect(rows.find((row) => row.percent === 63)).toMatchObject({ percent_low: 63, percent_high: 63, placebo_low: 36, placebo_high: 36 });
    expect(rows.find((row) => row.frequency === 'rare')).toMatchObject({ percent_low: null, percent_high: null });
    for (const row of rows) expect(row).toHaveProperty('percent_high');
    const shown = json<{ side_effects: Array<Record<string, unknown>> }>(['show', 'baclofen', '--json']).side_effects;
    for (const row of shown) expect(row).toHaveProperty('percent_low');
  });
});

describe('a figure from an active comparator', () => {
  it('is shown with the comparator named, never as placebo, in side-effects, compare and effect', () => {
    const base = mkdtempSync(join(tmpdir(), 'medinfo-comparator-'));
    try {
      const text = readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8').replace(
        '  - {effect: headache, frequency: uncommon, source: test-fixture}',
        '  - {effect: major bleeding, percent: 2.13, placebo_percent: 3.09, comparator: warfarin, source: test-fixture}',
      );
      writeFileSync(join(base, 'zopiclone.md'), text);
      const env = { XDG_CACHE_HOME: join(base, 'cache') };
      const piped = medinfo(['--data-dir', base, 'side-effects', 'zopiclone'], env);
      expect(piped.stdout).toMatch(/^major bleeding\t2\.13%\t3\.09% \(warfarin\)\t/m);
      const report = JSON.parse(medinfo(['--data-dir', base, 'side-effects', 'zopiclone', '--json'], env).stdout);
      expect(report.side_effects.find((row: Row) => row.effect === 'major bleeding')).toMatchObject({ comparator: 'warfarin', placebo_percent: 3.09 });
      expect(medinfo(['--data-dir', base, 'compare', 'zopiclone', 'baclofen'], env).stdout).toContain('2.13% (warfarin 3.09%)');
      expect(medinfo(['--data-dir', base, 'effect', 'major', 'bleeding', '--among', 'zopiclone'], env).stdout).toMatch(/\t2\.13%\t3\.09% \(warfarin\)\t/);
      const orphan = text.replace('placebo_percent: 3.09, ', '');
      writeFileSync(join(base, 'zopiclone.md'), orphan);
      expect(medinfo(['--data-dir', base, 'show', 'zopiclone'], env).stderr).toContain('names a comparator but gives no figure for it');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
