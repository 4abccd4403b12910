import { Chalk, type ChalkInstance } from 'chalk';
import { cleanMessage } from './sanitize.js';
import type { Sink } from './stdout.js';

/**
 * Everything about the terminal, decided once at start-up: whether stdout is a
 * terminal, whether to color, how wide to wrap. Commands and renderers ask
 * this object; none of them probes the terminal itself.
 */
export interface Output {
  isTerminal: boolean;
  color: boolean;
  width: number;
  style: ChalkInstance;
  out(text: string): void;
  /** One line on stderr (an error, a warning, a note); control characters and line breaks in it are made visible. */
  err(line: string): void;
  /** Rendered text for stderr as it is: a page's title and notes when stdout is piped. Renderers have sanitised it. */
  note(text: string): void;
}

export interface OutputOptions {
  stdout: Sink;
  /** A getter: opening stderr costs a few milliseconds (node:tty) on runs that never write to it. */
  stderr: () => { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** false when the user passed --no-color. */
  colorFlag: boolean;
}

const MAX_WIDTH = 100;

export function createOutput({ stdout, stderr, env, colorFlag }: OutputOptions): Output {
  const isTerminal = Boolean(stdout.isTTY);
  const level = colorLevel(isTerminal, env, colorFlag);
  const columns = (isTerminal ? stdout.columns : Number(env.COLUMNS)) ?? 0;
  return {
    isTerminal,
    color: level > 0,
    width: Math.min(MAX_WIDTH, columns > 20 ? columns : 80),
    style: new Chalk({ level }),
    out: (text) => void stdout.write(text),
    err: (line) => void stderr().write(`${cleanMessage(line)}\n`),
    note: (text) => void stderr().write(text),
  };
}

/** process.stderr, opened on first use; a closed or broken stderr is ignored, as there is nowhere left to report it. */
export function openStderr(): () => NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  return () => {
    if (!stream) {
      stream = process.stderr;
      stream.on('error', () => undefined);
    }
    return stream;
  };
}

/**
 * --no-color wins; then FORCE_COLOR (as Node itself does); then NO_COLOR
 * (https://no-color.org: any non-empty value); otherwise color only on a terminal.
 */
export function colorLevel(isTerminal: boolean, env: NodeJS.ProcessEnv, colorFlag: boolean): 0 | 1 | 2 | 3 {
  if (!colorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env.NO_COLOR) return 0;
  if (!isTerminal || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}
