import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESCAPE, medinfo, root, complaints } from './run';

describe('command-line conventions', () => {
  it('prints no escape codes when piped', () => {
    for (const args of [['show', 'baclofen'], ['side-effects', 'baclofen'], ['search', 'sleep'], ['list'], ['--help']]) {
      expect(medinfo(args).stdout).not.toMatch(ESCAPE);
    }
  });

  it('FORCE_COLOR=1 colors even when piped; JSON never has color', () => {
    expect(medinfo(['show', 'baclofen'], { FORCE_COLOR: '1' }).stdout).toMatch(ESCAPE);
    expect(medinfo(['show', 'baclofen', '--json'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
  });

  it('NO_COLOR and --no-color switch color off', () => {
    expect(medinfo(['show', 'baclofen'], { NO_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
    expect(medinfo(['show', 'baclofen', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
    expect(medinfo(['--no-color', 'show', 'baclofen'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
  });

  it('an unknown command or option is a one-line usage error with exit 2', () => {
    const command = medinfo(['shwo', 'baclofen']);
    expect(command).toEqual({ code: 2, stdout: '', stderr: 'medinfo: unknown command "shwo" (did you mean show?); medinfo --help lists the commands\n' });
    const option = medinfo(['show', 'baclofen', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^medinfo: unknown option '--jsn'/);
  });

  it('a missing argument is a usage error with exit 2', () => {
    const { stderr, code } = medinfo(['show']);
    expect(code).toBe(2);
    expect(stderr).toBe("medinfo: missing required argument 'drug'\n");
  });

  it('no command at all prints help on stderr and exits 2', () => {
    const { stdout, stderr, code } = medinfo([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: medinfo');
  });

  it('every command has --help with examples, on stdout with exit 0', () => {
    for (const command of ['show', 'side-effects', 'studies', 'search', 'list']) {
      const { stdout, code } = medinfo([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: medinfo ${command}`);
      expect(stdout).toContain('Examples:');
    }
  });

  it('--version prints the package version', () => {
    const { version } = require(join(root, 'package.json')) as { version: string };
    expect(medinfo(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('medinfo list | head -1 prints one line and no EPIPE error', () => {
    const cache = mkdtempSync(join(tmpdir(), 'medinfo-pipe-'));
    const result = spawnSync('sh', ['-c', `"${process.execPath}" bin/medinfo show baclofen | head -1; "${process.execPath}" bin/medinfo list | head -1`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: cache },
    });
    rmSync(cache, { recursive: true, force: true });
    expect(result.stdout).toBe('Baclofen\n' + result.stdout.split('\n')[1] + '\n');
    expect(complaints(result.stderr)).toBe('');
  });
});

describe('the piped-output rule', () => {
  const tables: Array<[string, string[]]> = [
    ['list', ['list']],
    ['search', ['search', 'dizziness']],
    ['side-effects', ['side-effects', 'baclofen']],
    ['studies', ['studies', 'baclofen']],
    ['interactions', ['interactions', 'baclofen', 'zolpidem', 'tramadol', 'sertraline', 'alcohol']],
    ['effect', ['effect', 'drowsiness']],
    ['compare', ['compare', 'baclofen', 'tizanidine', 'cyclobenzaprine']],
    ['classes', ['classes']],
    ['paths', ['paths']],
  ];
  for (const [name, args] of tables) {
    it(`${name}: stdout holds only tab-separated rows, each with the same number of columns`, () => {
      const { stdout, stderr, code } = medinfo(args);
      expect(code, stderr).toBe(0);
      const rows = stdout.split('\n');
      expect(rows.pop(), 'stdout ends with a line break').toBe('');
      expect(rows.length).toBeGreaterThan(0);
      const columns = rows[0]!.split('\t').length;
      expect(columns).toBeGreaterThan(1);
      for (const row of rows) expect(row.split('\t'), row).toHaveLength(columns);
      expect(stdout).not.toMatch(/not medical advice|^Sources$/m);
      // The header line naming the columns is on stderr, as many names as the rows have cells.
      expect(stderr.split('\n').some((line) => line.split('\t').length === columns && /^[A-Z]/.test(line))).toBe(true);
      if (!['list', 'classes', 'paths'].includes(name)) expect(stderr).toMatch(/not medical advice/);
    });
  }

  it('show is a document: piped, it stays whole on stdout with its reminder last', () => {
    const { stdout, stderr } = medinfo(['show', 'baclofen']);
    expect(stderr).toBe('');
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/not medical advice/);
  });
});
