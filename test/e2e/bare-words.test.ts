import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

const HELP = 'medinfo --help lists the commands';

describe('medinfo <drug> with no command', () => {
  it('shows the drug when the word is its exact name, brand or alias, as show does', () => {
    for (const name of ['baclofen', 'Lioresal', 'baclofene']) expect(medinfo([name])).toEqual(medinfo(['show', name]));
    expect(medinfo(['lioresal']).stdout).toMatch(/^Baclofen\n/);
  });

  it('takes names of several words, several names, and show\'s options after them', () => {
    expect(medinfo(['tylenol', 'pm'])).toEqual(medinfo(['show', 'tylenol', 'pm']));
    expect(medinfo(['baclofen', 'zolpidem'])).toEqual(medinfo(['show', 'baclofen', 'zolpidem']));
    expect(medinfo(['baclofen', '--section', 'side'])).toEqual(medinfo(['show', 'baclofen', '--section', 'side']));
    expect(medinfo(['--no-color', 'baclofen', '--json'])).toEqual(medinfo(['show', 'baclofen', '--json']));
  });

  it('reads the drugs of --data-dir folders too, opening each folder once', () => {
    const folder = join(root, 'test', 'fixtures', 'user-folder');
    const { stdout, stderr, code } = medinfo(['--data-dir', folder, 'imovane']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Zopiclone\n/);
    // the fixture's broken.md, reported once
    expect(stderr.match(/warning/g)).toHaveLength(1);
  });

  it('a name after the first that does not resolve is show\'s miss, exit 1', () => {
    const { stderr, code } = medinfo(['baclofen', 'zolpiddem']);
    expect(code).toBe(1);
    expect(stderr).toContain('medinfo: no drug named "zolpiddem"');
  });

  it('never shows a look-alike: a near miss of a drug is an unknown command naming the drug and medinfo --help', () => {
    expect(medinfo(['baclofin'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `medinfo: unknown command "baclofin", and no drug has that name; ${HELP}\ndid you mean: Baclofen?\n`,
    });
  });

  it('a misspelt command suggests the nearest command, in one line, exit 2', () => {
    expect(medinfo(['serach', 'dizziness'])).toEqual({ code: 2, stdout: '', stderr: `medinfo: unknown command "serach" (did you mean search?); ${HELP}\n` });
    expect(medinfo(['lsit', '--json'])).toEqual({ code: 2, stdout: '', stderr: `medinfo: unknown command "lsit" (did you mean list?); ${HELP}\n` });
    expect(medinfo(['qqqqqq'])).toEqual({ code: 2, stdout: '', stderr: `medinfo: unknown command "qqqqqq", and no drug has that name; ${HELP}\n` });
  });

  it('an unknown option before any word is still an unknown option', () => {
    expect(medinfo(['--colour', 'baclofen'])).toMatchObject({ code: 2, stdout: '', stderr: "medinfo: unknown option '--colour'\n" });
  });

  it('help says so', () => {
    expect(medinfo(['--help']).stdout).toContain('medinfo [options] <drug> [show options]');
  });
});
