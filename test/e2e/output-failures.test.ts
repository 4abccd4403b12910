import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { medinfo, root } from './run';

const bin = join(root, 'bin', 'medinfo');

/** Runs medinfo with its stdout a pipe whose reading end is closed before medinfo writes anything. */
function withClosedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('when output cannot be written', () => {
  for (const args of [['show', 'tramadol'], ['list', '--json'], ['--help'], ['help', 'show'], ['show', '--help'], ['--version']]) {
    it(`a reader that went away ends medinfo ${args.join(' ')} quietly with exit 0`, async () => {
      expect(await withClosedReader(args)).toEqual({ code: 0, stderr: '' });
    });
  }

  it('a full disk is one line on stderr and exit 74, not a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [bin, 'show', 'baclofen'], { cwd: root, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.stderr).toBe('medinfo: cannot write output: no space left on device\n');
      expect(result.status).toBe(74);
    } finally {
      closeSync(full);
    }
  });

  it("a stderr whose reader went away leaves a piped table's rows and exit code as they were", async () => {
    const args = [bin, 'effect', 'dizziness'];
    const piped = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    expect(piped.stderr, 'the notes go to stderr').toMatch(/^dizziness/);
    const result = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root });
      child.stderr.destroy();
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.on('close', (code) => resolve({ stdout, code }));
    });
    expect(result).toEqual({ stdout: piped.stdout, code: 0 });
  });

  it('a bug in medinfo exits 70 with one line naming it an internal error', async () => {
    let stderr = '';
    const streams = {
      stdout: { isTTY: false, columns: undefined, write: () => { throw new TypeError('boom'); } },
      stderr: () => ({ write: (text: string) => (stderr += text) }),
      stdin: () => '',
      env: {},
    };
    expect(await main(['--version'], streams)).toBe(70);
    expect(stderr).toBe('medinfo: internal error: boom (set MEDINFO_DEBUG=1 for the stack trace)\n');
  });
});

describe('help', () => {
  it('medinfo help and medinfo help <command> print help on stdout and exit 0', () => {
    expect(medinfo(['help'])).toMatchObject({ code: 0, stderr: '' });
    expect(medinfo(['help']).stdout).toMatch(/^Usage: medinfo /);
    const show = medinfo(['help', 'show']);
    expect(show).toMatchObject({ code: 0, stderr: '' });
    expect(show.stdout).toMatch(/^Usage: medinfo show /);
  });

  it('medinfo help <unknown> is a usage error, suggesting the nearest command', () => {
    expect(medinfo(['help', 'nosuch'])).toEqual({ code: 2, stdout: '', stderr: 'medinfo: unknown command "nosuch"; medinfo --help lists the commands\n' });
    expect(medinfo(['help', 'shwo']).stderr).toBe('medinfo: unknown command "shwo" (did you mean show?); medinfo --help lists the commands\n');
  });
});
