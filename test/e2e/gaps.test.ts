import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

const base = mkdtempSync(join(tmpdir(), 'medinfo-gaps-'));
const folder = join(base, 'drugs');
mkdirSync(folder);
writeFileSync(
  join(folder, 'zopiclone.md'),
  readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8').replace('sources:', 'gaps: ["label Table 2, the 12-week trial: not confirmed"]\nsources:'),
);
afterAll(() => rmSync(base, { recursive: true, force: true }));
const run = (args: string[]) => medinfo(['--data-dir', folder, ...args], { XDG_CACHE_HOME: join(base, 'cache') });

describe('a monograph that says what it leaves out', () => {
  it('side-effects and show print the gaps as a note, so a partial table does not read as complete', () => {
    const note = 'Not included (the sources have more than medinfo could confirm):\n  - label Table 2, the 12-week trial: not confirmed\n';
    const show = run(['show', 'zopiclone']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(note);
    // Piped, side-effects keeps stdout for its rows: the note is on stderr.
    const sideEffects = run(['side-effects', 'zopiclone']);
    expect(sideEffects.code).toBe(0);
    expect(sideEffects.stderr).toContain(note);
    expect(sideEffects.stdout).not.toContain('Not included');
  });

  it('side-effects --json carries them as gaps', () => {
    expect(JSON.parse(run(['side-effects', 'zopiclone', '--json']).stdout).gaps).toEqual(['label Table 2, the 12-week trial: not confirmed']);
  });
});

describe('gaps without figures', () => {
  it('show prints the gaps of a monograph that has no side-effect figures of its own', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8')
      .replace(/^side_effects:[^]*?(?=^\w)/m, 'side_effects: []\n')
      .replace('sources:', 'gaps: ["the product\'s own label: not confirmed"]\nsources:');
    const bare = join(base, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'zopiclone.md'), text);
    const { stdout, code, stderr } = medinfo(['--data-dir', bare, 'show', 'zopiclone'], { XDG_CACHE_HOME: join(base, 'cache') });
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain('Side-effect figures');
    expect(stdout).toContain("Not included (the sources have more than medinfo could confirm):\n  - the product's own label: not confirmed\n");
  });
});
