import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, hasScript, medinfo, root, terminal } from './run';

const labels = join(root, 'test', 'fixtures', 'fda-labels');
const label = (name: string) => join(labels, name);
const work = mkdtempSync(join(tmpdir(), 'medinfo-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Imports one label to stdout and returns the monograph's side-effect rows as `show --json` would give them, via validate-free parsing of the flow lines. */
function imported(name: string): { stdout: string; stderr: string; code: number | null } {
  return medinfo(['import', label(name)]);
}

/** The monograph's rows in `side-effects --json`, after a person has dated it. */
function reviewedFolder(name: string, files: string[]): string {
  const out = join(work, name);
  const result = medinfo(['import', ...files.map(label), '--out', out]);
  expect(result.code, result.stderr).toBe(0);
  for (const file of readdirSync(out)) {
    const path = join(out, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^reviewed: "".*$/m, 'reviewed: 2026-12-02'));
  }
  return out;
}

function sideEffects(folder: string, drug: string): Array<Record<string, unknown>> {
  const result = medinfo(['--data-dir', folder, 'side-effects', drug, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).side_effects;
}

describe('medinfo import', () => {
  it("imports Lipitor's placebo-controlled table row for row: every reaction, every dose arm, with the placebo column", () => {
    const folder = reviewedFolder('lipitor', ['lipitor-orig.xml']);
    const rows = sideEffects(folder, 'atorvastatin').filter((row) => String(row.note).startsWith('Table 2,'));
    // The label's own figures (lipitor-orig.xml, section 6.1, Table 2): any dose, 10, 20, 40, 80 mg, placebo.
    const table: Array<[string, number, number, number, number, number, number]> = [
      ['nasopharyngitis', 8.3, 12.9, 5.3, 7.0, 4.2, 8.2],
      ['arthralgia', 6.9, 8.9, 11.7, 10.6, 4.3, 6.5],
      ['diarrhea', 6.8, 7.3, 6.4, 14.1, 5.2, 6.3],
      ['pain in extremity', 6.0, 8.5, 3.7, 9.3, 3.1, 5.9],
      ['urinary tract infection', 5.7, 6.9, 6.4, 8.0, 4.1, 5.6],
      ['dyspepsia', 4.7, 5.9, 3.2, 6.0, 3.3, 4.3],
      ['nausea', 4.0, 3.7, 3.7, 7.1, 3.8, 3.5],
      ['musculoskeletal pain', 3.8, 5.2, 3.2, 5.1, 2.3, 3.6],
      ['muscle spasms', 3.6, 4.6, 4.8, 5.1, 2.4, 3.0],
      ['myalgia', 3.5, 3.6, 5.9, 8.4, 2.7, 3.1],
      ['insomnia', 3.0, 2.8, 1.1, 5.3, 2.8, 2.9],
      ['pharyngolaryngeal pain', 2.3, 3.9, 1.6, 2.8, 0.7, 2.1],
    ];
    const arms: Array<[string, number]> = [['Any dose', 8755], ['10 mg', 3908], ['20 mg', 188], ['40 mg', 604], ['80 mg', 4055]];
    const expected = table.flatMap(([effect, ...figures]) =>
      arms.map(([arm, n], i) => ({ effect, percent: figures[i], placebo_percent: figures[5], participants: n, note: `Table 2, ${arm}` })),
    );
    // side-effects lists rows by effect and figure; compare them as a set, row for row.
    const key = (row: Record<string, unknown>) => JSON.stringify([row.effect, row.note, row.percent, row.placebo_percent, row.participants]);
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("reads Lipitor's prose figures, marks those that led to stopping treatment, and grades cyclosporine and gemfibrozil from 'avoid'", () => {
    const { stdout } = imported('lipitor-orig.xml');
    expect(stdout).toContain('{effect: "myalgia", percent: 0.7, source: fda-label, note: "Clinical Trial Adverse Experiences, label text: leading to stopping treatment"}');
    expect(stdout).toMatch(/\{with: cyclosporine, severity: major, effect: "The co-administration of LIPITOR with cyclosporine should be avoided/);
    expect(stdout).toMatch(/\{with: gemfibrozil, severity: major, /);
    expect(stdout).toMatch(/\{with: grapefruit, severity: unknown, /);
    // A statin's label speaking of statins is about itself, not an interaction.
    expect(stdout).not.toMatch(/with: statin,/);
  });

  it("names the label as the source (title, set id, version, effective date) and leaves reviewed empty for validate to flag, and only that", () => {
    const { stdout, stderr, code } = imported('lipitor-orig.xml');
    expect(code).toBe(0);
    expect(stdout).toContain('title: "LIPITOR® (atorvastatin calcium) Tablets for oral administration"');
    expect(stdout).toContain('set id c6e131fe-e7df-4876-83f7-9156fc4e8228, version 11');
    expect(stdout).toContain('    date: 2014-01-13');
    expect(stdout).toMatch(/^name: "Atorvastatin"\nslug: atorvastatin\naliases: \["atorvastatin calcium"\]\nbrands: \["Lipitor"\]\nclasses: \[statin\]/m);
    expect(complaints(stderr)).toContain('atorvastatin.md is the bundled drug Atorvastatin (atorvastatin)');
    const out = join(work, 'validate');
    expect(medinfo(['import', labels, '--out', out]).code).toBe(1);
    const validation = medinfo(['validate', out, '--json']);
    expect(validation.code).toBe(1);
    const problems = JSON.parse(validation.stdout) as Array<{ field: string }>;
    expect(problems.length).toBe(6);
    expect(problems.every((problem) => problem.field === 'reviewed')).toBe(true);
  });

  it("imports Humira's grouped rows with their organ system, and its footnote marks left off the names", () => {
    const folder = reviewedFolder('humira', ['humira.xml']);
    const rows = sideEffects(folder, 'humira').filter((row) => String(row.note).startsWith('Table 1,'));
    const pick = (effect: string) => rows.find((row) => row.effect === effect);
    expect(pick('upper respiratory infection')).toMatchObject({ percent: 17, placebo_percent: 13, participants: 705, system: 'respiratory', note: 'Table 1, HUMIRA 40 mg subcutaneous Every Other Week' });
    expect(pick('abdominal pain')).toMatchObject({ percent: 7, placebo_percent: 4, system: 'gastrointestinal' });
    expect(pick('hypercholesterolemia')).toMatchObject({ percent: 6, placebo_percent: 4, system: 'laboratory tests' });
    expect(pick('injection site reaction')).toMatchObject({ percent: 8, placebo_percent: 1, system: 'other' });
    expect(rows).toHaveLength(17);
  });

  it("imports Ambien's openFDA table HTML and its prose figures; a placebo written '-' is left out with a warning, not read as 0", () => {
    const { stdout, stderr, code } = imported('ambien.json');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^classes: \[cns-depressant\]$/m);
    expect(stdout).toContain('{effect: "headache", percent: 7, placebo_percent: 6, participants: 685, system: "central and peripheral nervous system", source: fda-label, note: "Incidence of Treatment-Emergent Adverse Experiences in Placebo-Controlled Clinical Trials Lasting up to 10 Nights, Zolpidem (≤10 mg)"}');
    expect(stdout).toContain('{effect: "drowsiness", percent: 8, placebo_percent: 5, participants: 152,');
    expect(stdout).toContain('{effect: "drowsiness", percent: 2, participants: 685,');
    expect(stdout).toContain('{effect: "daytime drowsiness", percent: 0.5, source: fda-label, note: "Adverse reactions, label text: leading to stopping treatment"}');
    expect(complaints(stderr)).toContain('placebo written "-" for drowsiness, dizziness, diarrhea; no placebo figure taken');
    expect(stdout).toMatch(/\{with: alcohol, severity: unknown, effect: "Use with alcohol causes additive psychomotor impairment\."/);
  });

  it('imports the untitled haloperidol label with warnings for what it lacks, and says so in gaps', () => {
    const { stdout, stderr, code } = imported('no-title.xml');
    expect(code).toBe(0);
    const warnings = complaints(stderr);
    expect(warnings).toContain('no-title.xml: the label has no title; its source is named "Haloperidol (haloperidol) label"');
    expect(warnings).toContain('no-title.xml: the label has no adverse-reaction table');
    expect(warnings).toContain('no-title.xml: classes: unclassified');
    expect(stdout).toMatch(/^gaps:\n {2}- "the label has no adverse-reaction table/m);
    // Its boxed warning speaks of patients on atypical antipsychotics, not of taking them together.
    expect(stdout).not.toMatch(/^interactions:/m);
  });

  it('imports the OTC labels with frequency words only, never a number', () => {
    for (const file of ['cough.xml', 'aspirin.json']) {
      const { stdout, code } = imported(file);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^rx: otc$/m);
      const rows = stdout.split('\n').filter((line) => line.startsWith('  - {effect:'));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toContain('frequency: not reported');
        expect(row).not.toMatch(/percent/);
      }
    }
    expect(imported('cough.xml').stdout).toContain('{effect: "drowsiness", frequency: not reported, source: fda-label, note: "Drug Facts, when using this product: no frequency given"}');
    expect(imported('cough.xml').stdout).toMatch(/^classes: \[antihistamine\]$/m);
    // Drug Facts' "Do not use ... with an MAOI" is the documented rule's contraindicated; "ask a doctor or pharmacist" is not graded.
    expect(imported('cough.xml').stdout).toMatch(/\{with: maoi, severity: contraindicated, effect: "Do not use in a child who is taking a prescription monoamine oxidase inhibitor \(MAOI\)/);
    expect(imported('aspirin.json').stdout).toMatch(/\{with: anticoagulant, severity: unknown, effect: "Ask a doctor or pharmacist before use if you are taking a prescription drug for: anticoagulation/);
  });

  it('rejects the empty openFDA reply and a file that is not a label with one clear line and exit 1', () => {
    const empty = imported('empty.json');
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/^medinfo: .*empty\.json: not an FDA label: an openFDA reply with no label in its results \(an empty reply\)\n$/);
    const notes = join(work, 'notes.xml');
    writeFileSync(notes, '<shopping><item>milk</item></shopping>');
    const other = medinfo(['import', notes]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^medinfo: .*notes\.xml: not an FDA label: XML, but not an SPL label \(no <document> root\)\n$/);
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"results": [');
    expect(medinfo(['import', broken]).stderr).toMatch(/broken\.json: not an FDA label: not valid JSON/);
  });

  it('imports the rest of a folder when one file is not a label, reads folders recursively and zip files as DailyMed gives them, and ends with a summary', () => {
    const folder = join(work, 'downloads');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    copyFileSync(label('empty.json'), join(folder, 'empty.json'));
    copyFileSync(label('ambien.json'), join(folder, 'nested', 'ambien.json'));
    writeFileSync(join(folder, 'humira.zip'), zipSync({ 'humira.xml': new Uint8Array(readFileSync(label('humira.xml'))), 'humira-01.jpg': new Uint8Array(64) }));
    const out = join(work, 'downloads-out');
    const result = medinfo(['import', folder, '--out', out]);
    expect(result.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['adalimumab.md', 'zolpidem.md']);
    const lines = complaints(result.stderr).split('\n');
    expect(lines).toContain(`medinfo: ${join(folder, 'empty.json')}: not an FDA label: an openFDA reply with no label in its results (an empty reply)`);
    expect(lines.at(-2)).toBe(`medinfo: imported 2 labels into ${out}; skipped 1: ${join(folder, 'empty.json')} (not an FDA label)`);
    // No progress line on stderr when stderr is not a terminal.
    expect(result.stderr).not.toMatch(/\r|importing /);
  });

  it.runIf(hasScript)('shows its progress on stderr when stderr is a terminal', () => {
    const out = join(work, 'progress-out');
    const { stdout } = terminal(['import', label('humira.xml'), label('cough.xml'), '--out', out]);
    expect(stdout).toContain('importing 2 of 2: ');
    expect(stdout).toContain('medinfo: imported 2 labels into ');
  });

  it('gives the same bytes every time, and the same as the zip of the same label', () => {
    const first = imported('humira.xml').stdout;
    expect(imported('humira.xml').stdout).toBe(first);
    const zip = join(work, 'again.zip');
    writeFileSync(zip, zipSync({ 'label.xml': new Uint8Array(readFileSync(label('humira.xml'))) }));
    expect(medinfo(['import', zip]).stdout).toBe(first);
  });

  it('a path that is not there is a usage error, one line', () => {
    expect(medinfo(['import', join(work, 'no-such-label.xml')])).toEqual({ stdout: '', stderr: `medinfo: import: "${join(work, 'no-such-label.xml')}" is not a file or folder that can be read\n`, code: 2 });
  });

  it('several labels without --out is a usage error; --format forces the reader', () => {
    const both = medinfo(['import', label('humira.xml'), label('cough.xml')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('medinfo: import: 2 label files; name a folder for their monographs with --out\n');
    const forced = medinfo(['import', label('humira.xml'), '--format', 'openfda']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/humira\.xml: not an FDA label: not valid JSON/);
  });

  it('show and interactions read an imported monograph through --data-dir like any other; an unknown grade shows as unknown', () => {
    const folder = reviewedFolder('use', ['lipitor-orig.xml', 'ambien.json']);
    const show = medinfo(['--data-dir', folder, 'show', 'lipitor']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^Atorvastatin\n/);
    expect(show.stdout).toContain('which replaces the bundled monograph');
    expect(show.stdout).toContain('Table 2');
    const check = medinfo(['--data-dir', folder, 'interactions', 'atorvastatin', 'grapefruit', 'ambien', 'alcohol']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^unknown\tAtorvastatin \+ Grapefruit\tdirect\tContains one or more components that inhibit CYP 3A4/m);
    expect(check.stdout).toMatch(/^unknown\tZolpidem \+ Alcohol\tdirect\tUse with alcohol causes additive psychomotor impairment\./m);
    expect(medinfo(['--data-dir', folder, 'interactions', 'zolpidem', 'alcohol', '--fail-on', 'unknown']).code).toBe(3);
  });
});
