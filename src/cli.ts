import { readFileSync } from 'node:fs';
import { type Command, CommanderError } from 'commander';
import type { Streams } from './context.js';
import { MedinfoError } from './core/errors.js';
import { openStderr } from './io/output.js';
import { cleanMessage } from './io/sanitize.js';
import { openStdout, OutputClosed, OutputFailed, WRITE_FAILED } from './io/stdout.js';
import { createProgram, endOutput } from './program.js';

/**
 * Runs medinfo on `argv` and returns its exit code: 0 success, 1 nothing found,
 * 2 usage or data error, 74 output could not be written, 70 a bug in medinfo.
 * This is the one place where errors become messages and exit codes.
 */
export async function main(argv: string[], streams: Streams): Promise<number> {
  const messages: string[] = [];
  const failed = (error: unknown) => {
    const code = exitCodeFor(error, (line) => void messages.push(`${cleanMessage(line)}\n`));
    if (code === 70 && streams.env.MEDINFO_DEBUG) messages.push(`${(error as Error)?.stack}\n`);
    return code;
  };
  let code = 0;
  let program: Command | undefined;
  try {
    program = createProgram(streams);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    code = failed(error);
  }
  // What the command printed comes first (paged, if it is long), then why it failed.
  try {
    if (program) await endOutput(program);
  } catch (error) {
    if (code === 0) code = failed(error);
  }
  if (messages.length > 0) streams.stderr().write(messages.join(''));
  return code;
}

function exitCodeFor(error: unknown, err: (line: string) => void): number {
  if (error instanceof OutputClosed) return 0;
  if (error instanceof OutputFailed) {
    err(`medinfo: ${error.message}`);
    return WRITE_FAILED;
  }
  if (error instanceof CommanderError) {
    // Asked-for help and --version end with 0; help shown because no command was given, and every
    // other commander error, is a usage mistake commander has already printed.
    return error.exitCode === 0 && /^commander\.(help|helpDisplayed|version)$/.test(error.code) ? 0 : 2;
  }
  if (error instanceof MedinfoError) {
    // An empty message: the answer itself was the report (interactions --fail-on).
    if (error.message) err(`medinfo: ${error.message}`);
    for (const line of error.details) err(line);
    return error.exitCode;
  }
  err(`medinfo: internal error: ${(error as Error)?.message ?? String(error)} (set MEDINFO_DEBUG=1 for the stack trace)`);
  return 70;
}

/**
 * Runs medinfo as a process, on the process's streams, and sets its exit code.
 * bin/medinfo calls this after loading the bundle; loading it runs nothing, so
 * the build and tests can load it too.
 */
export function run(argv: string[]): void {
  void main(argv, { stdout: openStdout(), stderr: openStderr(), stdin: () => readFileSync(0, 'utf8'), env: process.env }).then((code) => {
    process.exitCode = code;
  });
}

export { commandNames, valueOptions, warmUp } from './warm-up.js';
export { programOutline } from './outline.js';
