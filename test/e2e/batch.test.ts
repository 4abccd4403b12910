import { describe, expect, it } from 'vitest';
import { medinfo } from './run';

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('several drugs at once, and names from stdin', () => {
  it('side-effects - --json reads names from stdin and prints one JSON document per line', () => {
    const { stdout, stderr, code } = medinfo(['side-effects', '-', '--json'], {}, { input: 'baclofen\n# a comment\n\nzolpidem\n' });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout).map((line) => JSON.parse(line).slug)).toEqual(['baclofen', 'zolpidem']);
  });

  it('an unknown name in the middle prints an error record in its place, the rest go on, and the run exits 1', () => {
    const { stdout, stderr, code } = medinfo(['studies', 'baclofen', 'baclofin', 'zolpidem', '--json']);
    expect(code).toBe(1);
    expect(lines(stdout).map((line) => JSON.parse(line))).toMatchObject([
      { slug: 'baclofen' },
      { query: 'baclofin', error: 'not found', suggestions: ['baclofen'] },
      { slug: 'zolpidem' },
    ]);
    expect(stderr).toBe('medinfo: 1 of 3 names were not found\n');
  });

  it('as text, each drug is printed in turn and a miss is reported on stderr where it falls', () => {
    const { stdout, stderr, code } = medinfo(['show', 'baclofen', 'nosuchdrug', 'zolpidem']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Baclofen\n[^]*\n\nZolpidem\n/);
    expect(stderr).toMatch(/^medinfo: medinfo has no monograph for "nosuchdrug" \(\d+ drugs in the library\)\ntry: medinfo list, or medinfo search <words>\nmedinfo: 1 of 3 names were not found\n$/);
  });

  it('one name keeps the single-drug output: pretty JSON, not NDJSON', () => {
    expect(medinfo(['show', 'baclofen', '--json']).stdout).toMatch(/^\{\n {2}"name": "Baclofen"/);
  });

  it('list --names prints bare slugs that feed straight back in', () => {
    const names = medinfo(['list', '--names']).stdout;
    expect(lines(names)).toContain('baclofen');
    expect(names).not.toMatch(/\t/);
    const all = medinfo(['side-effects', '-', '--json'], {}, { input: names });
    expect(all.code).toBe(0);
    expect(lines(all.stdout)).toHaveLength(lines(names).length);
  });

  it('- with nothing on stdin is a usage error', () => {
    expect(medinfo(['show', '-'], {}, { input: '\n# nothing\n' })).toMatchObject({ code: 2, stdout: '', stderr: 'medinfo: "-" reads drug names from stdin, one per line, but stdin had none\n' });
  });
});
