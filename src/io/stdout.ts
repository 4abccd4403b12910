import { fstatSync, statSync, writeSync } from 'node:fs';

/** Where results go: stdout, opened as cheaply as it can be. */
export interface Sink {
  isTTY: boolean;
  columns: number | undefined;
  /** The terminal's height, when it is one: output taller than this is paged. */
  rows?: number;
  /** Done with the bytes when it returns: a terminal's writes are synchronous too. */
  write(text: string | Uint8Array): void;
}

/** The reader of our output went away (`medinfo list | head -1`): a normal end, not an error. */
export class OutputClosed extends Error {}

/** Output could not be written (a full disk, an I/O error): the run failed, though medinfo did nothing wrong. */
export class OutputFailed extends Error {
  constructor(readonly reason: string) {
    super(`cannot write output: ${reason}`);
  }
}

/**
 * Opens stdout. When it is a pipe or a file, results are written straight to
 * file descriptor 1: process.stdout would load Node's stream and socket
 * modules first, a few milliseconds on every piped run. So does /dev/null,
 * where scripts that only want the exit code send it. Anything else (a
 * terminal) goes through process.stdout, which knows how to tell a terminal
 * apart.
 */
export function openStdout(): Sink {
  if (isDirect(1)) return { isTTY: false, columns: undefined, write: (text) => writeAll(1, text) };
  const stream = process.stdout;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A terminal write fails after the command has returned: end here, the same way cli.ts would.
    if (error.code !== 'EPIPE') process.stderr.write(`medinfo: ${new OutputFailed(reasonOf(error)).message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : WRITE_FAILED);
  });
  return { isTTY: Boolean(stream.isTTY), columns: stream.columns, rows: stream.rows, write: (text) => void stream.write(text) };
}

/** Whether file descriptor `fd` is written straight to: a pipe, a file, a socket or /dev/null, not a terminal. */
export function isDirect(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket() || isDevNull(stat);
  } catch {
    // Closed (`medinfo show x >&-`): writing to it fails, for stdout with one clean line.
    return true;
  }
}

/** The exit code of a run whose output could not be written (sysexits' EX_IOERR). */
export const WRITE_FAILED = 74;

function isDevNull(stat: { isCharacterDevice(): boolean; rdev: number }): boolean {
  if (!stat.isCharacterDevice()) return false;
  try {
    return statSync('/dev/null').rdev === stat.rdev;
  } catch {
    return false;
  }
}

/** Writes all of `text` to `fd`; throws OutputClosed when the reader went away, OutputFailed when the write failed. */
export function writeAll(fd: number, text: string | Uint8Array): void {
  const buffer = typeof text === 'string' ? Buffer.from(text) : text;
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new OutputClosed('output closed');
      // A non-blocking pipe that is full: wait a moment for the reader.
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      else throw new OutputFailed(reasonOf(error as NodeJS.ErrnoException));
    }
  }
}

/** "no space left on device", from Node's "ENOSPC: no space left on device, write". */
export function reasonOf(error: NodeJS.ErrnoException): string {
  if (error.code === 'EBADF') return 'standard output is closed';
  const match = /^[A-Z]+: (.*?)(?:, \w+)?$/.exec(error.message);
  return match?.[1] ?? error.code ?? error.message;
}
