import type { Output } from '../io/output.js';

/** Prose is wrapped no wider than this however wide the screen: long lines are hard to read. Tables may use the whole width. */
export const MEASURE = 100;

/**
 * Lays a paragraph out as lines. On a terminal it is wrapped to the width,
 * at most MEASURE columns (wrap-ansi is loaded only then), the first line
 * prefixed with `first` and the rest with `rest` (by default as many spaces as
 * `first` is long); piped, it stays one line, so `grep` finds whole sentences.
 */
export function wrapText(text: string, output: Output, first: string, rest?: string): string[] {
  if (!output.isTerminal) return [`${first}${text}`];
  rest ??= ' '.repeat(first.length);
  const wrapAnsi = (require('wrap-ansi') as typeof import('wrap-ansi')).default;
  const width = Math.max(20, Math.min(output.width, MEASURE) - Math.max(first.length, rest.length));
  return wrapAnsi(text, width, { hard: true, trim: true })
    .split('\n')
    .map((line, i) => `${i === 0 ? first : rest}${line}`);
}
