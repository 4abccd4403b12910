import { renderJson } from '../render/json.js';
import { escapeJson } from './sanitize.js';
import type { Output } from './output.js';

/** A command's answer, ready to print either way: its JSON document, or its text for people. */
export interface Presentable {
  json: unknown;
  text(output: Output): string;
}

/** A name in a batch that did not resolve: printed in its place as an error record or a message. */
export interface Miss {
  query: string;
  error: 'not found';
  suggestions: string[];
  /** The message and hint lines for stderr, as a single run would print them. */
  lines: string[];
}

/** Prints one answer: pretty JSON with --json, otherwise the text. */
export function present(output: Output, answer: Presentable, json: boolean | undefined): void {
  output.out(json ? renderJson(answer.json) : answer.text(output));
}

/**
 * Prints a batch in order. With --json: NDJSON, one compact document per line,
 * an error record `{query, error, suggestions}` where a name did not resolve.
 * As text: the documents one after another, each miss on stderr where it fell.
 * Returns how many names missed.
 */
export function presentEach(output: Output, answers: ReadonlyArray<Presentable | Miss>, json: boolean | undefined): number {
  let misses = 0;
  answers.forEach((answer, i) => {
    if ('error' in answer) {
      misses++;
      if (json) output.out(`${escapeJson(JSON.stringify({ query: answer.query, error: answer.error, suggestions: answer.suggestions }))}\n`);
      else for (const line of answer.lines) output.err(line);
    } else if (json) {
      output.out(`${escapeJson(JSON.stringify(answer.json))}\n`);
    } else {
      output.out(`${i > 0 ? '\n' : ''}${answer.text(output)}`);
    }
  });
  return misses;
}
