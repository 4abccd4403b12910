import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { medinfo } from './run';

// A monograph made by medinfo import grades an interaction `unknown` where the label's wording
// does not make the grade clear; the format, validate and interactions take it like any grade.
const folder = mkdtempSync(join(tmpdir(), 'medinfo-unknown-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(
  join(folder, 'zopiclone.md'),
  `---
name: Zopiclone
slug: zopiclone
brands: [Imovane]
classes: [z-drug, cns-depressant]
uses: [short-term insomnia]
rx: prescription
reviewed: 2026-12-02
side_effects:
  - {effect: bitter taste, frequency: common, source: test-fixture}
interactions:
  - {with: grapefruit, severity: unknown, effect: The label names grapefruit without advice., source: test-fixture}
sources:
  - {id: test-fixture, title: A fixture for medinfo's tests (not real data), kind: review}
---

## Overview

A fixture monograph. Not medical content.
`,
);

describe('the unknown interaction grade', () => {
  it('passes validate', () => {
    expect(medinfo(['validate', folder])).toMatchObject({ code: 0, stdout: '' });
  });

  it('is shown as unknown by interactions, ranked below minor, and --fail-on unknown gates on it', () => {
    const result = medinfo(['--data-dir', folder, 'interactions', 'zopiclone', 'grapefruit']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^unknown\tZopiclone \+ Grapefruit\tdirect\tThe label names grapefruit without advice\.\t/m);
    expect(medinfo(['--data-dir', folder, 'interactions', 'zopiclone', 'grapefruit', '--fail-on', 'minor']).code).toBe(0);
    expect(medinfo(['--data-dir', folder, 'interactions', 'zopiclone', 'grapefruit', '--fail-on', 'unknown']).code).toBe(3);
  });

  it('is listed under the drug in show', () => {
    const result = medinfo(['--data-dir', folder, 'show', 'zopiclone']);
    expect(result.stdout).toMatch(/grapefruit\s+unknown/);
  });
});
