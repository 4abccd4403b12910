import type { DrugSummary } from '../library/library-format.js';
import { cleanLine, escapeJson } from '../io/sanitize.js';

/*
 * The drug list as `medinfo list` prints it piped and `medinfo list --json`
 * prints it, made at compile time (library-format.ts, paths.list) so that a
 * list of tens of thousands of drugs is copied from a file in long slices
 * instead of built from every drug's summary on every run.
 */

/** A drug's row of the piped list, with its line break: slug, name and classes, tab-separated, each cleaned. */
export function listTextLine(drug: DrugSummary): string {
  return `${[drug.slug, drug.name, drug.classes.join(',')].map(cleanLine).join('\t')}\n`;
}

/**
 * A drug's element of `list --json`'s array as renderJson prints it, up to
 * its last field and that field's line break: the origin and the closing
 * brace are the run's to add (listJsonClose). Its first line is `  {`, and no
 * other line of the list is, since every field is indented further and JSON
 * strings hold no raw line break.
 */
export function listJsonBlock(drug: DrugSummary): string {
  return `  ${escapeJson(JSON.stringify(drug, null, 2)).slice(0, -2).replaceAll('\n', '\n  ')}\n`;
}

const BLOCK_START = '\n  {\n';

/** Where the entry after the one starting at `at` starts, in a prepared list of `kind` (the end after the last). */
export function nextEntry(text: string, kind: 'text' | 'json', at: number): number {
  const end = kind === 'text' ? text.indexOf('\n', at) : text.indexOf(BLOCK_START, at);
  return end === -1 ? text.length : end + 1;
}

/**
 * What follows a block of a prepared JSON list (listJsonBlock) in `list
 * --json`'s array, in place of its last line break: the origin and the
 * closing brace.
 */
export function listJsonClose(origin: unknown): string {
  return `,\n    "origin": ${escapeJson(JSON.stringify(origin, null, 2)).replaceAll('\n', '\n    ')}\n  }`;
}

/** Consecutive blocks of a prepared JSON list as elements of the array, each closed with `close`, joined by commas. */
export function listJsonElements(blocks: string, close: string): string {
  return `${blocks.slice(0, -1).replaceAll(BLOCK_START, `${close},${BLOCK_START}`)}${close}`;
}
