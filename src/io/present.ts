import { renderJson } from '../render/json.js';
import { pageText, type Page } from '../render/page.js';
import { escapeJson } from './sanitize.js';
import type { Output } from './output.js';

/** A command's answer, ready to print either way: its JSON document, or its text for people (a document, or a page of rows). */
export interface Presentable {
  json: unknown;
  text(output: Output): string | Page;
}

/** A name in a batch that did not resolve: printed in its place as an error record or a message. */
export interface Miss {
  query: string;
  error: 'not found';
  /** Slugs of the drugs the name may have meant. */
  suggestions: string[];
  /** Slugs of near drugs that are different drugs (look-alikes, names that only start or end alike). */
  different_drugs: string[];
  /** The message and hint lines for stderr, as a single run would print them. */
  lines: string[];
}

/** Prints one answer: pretty JSON with --json, otherwise the text. */
export function present(output: Output, answer: Presentable, json: boolean | undefined): void {
  if (json) output.out(renderJson(answer.json));
  else printText(output, answer.text(output));
}

/**
 * A document goes to stdout whole. A page does too on a terminal; piped, only
 * its rows do, so `cut -f1` sees only drug names and `wc -l` counts rows, and
 * its head, the header line naming the columns and its tail go to stderr,
 * where a person still reads them. `header: false` leaves the header line
 * out, for the second and later pages of a batch.
 */
function printText(output: Output, text: string | Page, header = true): void {
  if (typeof text === 'string') return output.out(text);
  if (output.isTerminal) return output.out(pageText(text));
  const note = (lines: readonly string[]) => {
    const kept = trimBlank(lines);
    if (kept.length > 0) output.note(`${kept.join('\n')}\n`);
  };
  note(header ? text.head.concat(text.body.slice(0, 1)) : text.head);
  const rows = text.body.slice(1);
  if (rows.length > 0) output.out(`${rows.join('\n')}\n`);
  note(text.tail);
}

function trimBlank(lines: readonly string[]): readonly string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end);
}

/**
 * Prints a batch in order. With --json: NDJSON, one compact document per line,
 * an error record `{query, error, suggestions, different_drugs}` where a name did not resolve.
 * As text: the documents one after another, each miss on stderr where it fell.
 * Returns how many names missed.
 */
export function presentEach(output: Output, answers: ReadonlyArray<Presentable | Miss>, json: boolean | undefined): number {
  let misses = 0;
  let pagePrinted = false;
  answers.forEach((answer, i) => {
    if ('error' in answer) {
      misses++;
      if (json) output.out(`${escapeJson(JSON.stringify({ query: answer.query, error: answer.error, suggestions: answer.suggestions, different_drugs: answer.different_drugs }))}\n`);
      else for (const line of answer.lines) output.err(line);
    } else if (json) {
      output.out(`${escapeJson(JSON.stringify(answer.json))}\n`);
    } else {
      const text = answer.text(output);
      if (typeof text === 'string' || output.isTerminal) output.out(`${i > 0 ? '\n' : ''}${typeof text === 'string' ? text : pageText(text)}`);
      else printText(output, text, !pagePrinted);
      if (typeof text !== 'string') pagePrinted = true;
    }
  });
  return misses;
}
