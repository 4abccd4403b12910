import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const root = join(__dirname, '..', '..');

export interface Result {
  stdout: string;
  stderr: string;
  code: number | null;
}

// Each test file gets a cache folder of its own: no test reads or writes the real home's cache.
const cacheHome = mkdtempSync(join(tmpdir(), 'medinfo-test-cache-'));
afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));

/**
 * Runs the built CLI as a user would, with stdout and stderr piped (so not a
 * terminal), no color variables, no MEDINFO_PATH and a cache folder of the test file's own,
 * unless the test sets them. An env value of undefined removes the variable.
 * `install` is a folder holding a copy of bin/ and dist/ to run instead, or
 * `launcher` another copy of bin/medinfo; `input` is written to its stdin.
 */
export function medinfo(
  args: string[],
  env: Record<string, string | undefined> = {},
  { cwd = root, install = root, launcher = join(install, 'bin', 'medinfo'), input }: { cwd?: string; install?: string; launcher?: string; input?: string } = {},
): Result {
  const base = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'MEDINFO_DEBUG', 'MEDINFO_PATH']) delete base[name];
  const result = spawnSync(process.execPath, [launcher, ...args], {
    cwd,
    env: { ...base, XDG_CACHE_HOME: cacheHome, ...env },
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    // A run that hangs (on a FIFO, say) fails its test instead of stalling the suite.
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

export function json<T = any>(args: string[]): T {
  const result = medinfo(args);
  if (result.code !== 0) throw new Error(`medinfo ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

// eslint-disable-next-line no-control-regex
export const ESCAPE = /\u001b/;

/**
 * The errors and warnings on stderr, without the title, notes and reminder a
 * piped table command also writes there.
 */
export function complaints(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('medinfo:'))
    .map((line) => `${line}\n`)
    .join('');
}

/** Whether `script` (util-linux) is here to give medinfo a pseudo-terminal. */
export const hasScript = spawnSync('script', ['-V'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the built CLI on a pseudo-terminal `columns` wide and `rows` high
 * (through util-linux's `script`), as medinfo() does otherwise. What the
 * terminal showed comes back in `stdout` (stderr included, as a terminal
 * shows both), with line ends as "\n".
 */
export function terminal(args: string[], { columns = 80, rows = 1000, env = {} }: { columns?: number; rows?: number; env?: Record<string, string | undefined> } = {}): Result {
  const base = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'MEDINFO_DEBUG', 'PAGER', 'MEDINFO_PAGER', 'LESS']) delete base[name];
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = `stty rows ${rows} cols ${columns}; exec ${[process.execPath, join(root, 'bin', 'medinfo'), ...args].map(quote).join(' ')}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: root,
    // script runs the command with $SHELL, and bash would set COLUMNS to the terminal's width.
    env: { ...base, SHELL: '/bin/sh', TERM: 'xterm', XDG_CACHE_HOME: cacheHome, ...env },
    encoding: 'utf8',
    // script passes its stdin to the terminal: an empty one, so nothing waits for keys.
    input: '',
    timeout: 60_000,
  });
  return { stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr, code: result.status };
}
