import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'medinfo');

export interface Result {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs the built CLI as a user would, with stdout and stderr piped (so not a
 * terminal) and no color variables unless the test sets them.
 */
export function medinfo(args: string[], env: Record<string, string | undefined> = {}): Result {
  const base = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'COLUMNS', 'MEDINFO_DEBUG']) delete base[name];
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...base, ...env },
    encoding: 'utf8',
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
