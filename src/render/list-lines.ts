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
 * brace are the run's to add (listJsonText). Its first line is `  {`, and no
 * other line of the list is, since every field is indented further and JSON
 * strings hold no raw line break.
 */
export function listJsonBlock(drug: DrugSummary): string {
  return `  ${escapeJson(JSON.stringify(drug, null, 2)).slice(0, -2).replaceAll('\n', '\n  ')}\n`;
}

const BLOCK_START = '\n  {\n';

/** Where the entry after the one starting at `at` starts, in a list of `kind` (the text's length after the last). */
export function nextEntry(text: string, kind: 'text' | 'json', at: number): number {
  const end = kind === 'text' ? text.indexOf('\n', at) : text.indexOf(BLOCK_START, at);
  return end === -1 ? text.length : end + 1;
}

/**
 * Consecutive blocks of a prepared JSON list (`text`, a slice of whole
 * blocks) as elements of `list --json`'s array, each closed with the same
 * origin; the elements are joined by commas, without one before or after.
 */
export function listJsonText(blocks: string, origin: unknown): string {
  const close = `,\n    "origin": ${escapeJson(JSON.stringify(origin, null, 2)).replaceAll('\n', '\n    ')}\n  }`;
  return `${blocks.slice(0, -1).replaceAll(BLOCK_START, `${close},${BLOCK_START}`)}${close}`;
}
