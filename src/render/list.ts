import type { DrugSummary } from '../library/library-format.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import type { Page } from './page.js';

/**
 * One drug per line: slug, name, classes. On a terminal the columns are
 * aligned; piped, they are separated by tabs (the header line goes to stderr
 * as for every table), so `cut -f1` and `awk` work.
 */
export function renderList(drugs: readonly DrugSummary[], output: Output): Page {
  const rows = drugs.map((drug) => [drug.slug, drug.name, drug.classes.join(',')].map(cleanLine));
  if (!output.isTerminal) return { head: [], body: ['Slug\tName\tClasses'].concat(rows.map((row) => row.join('\t'))), tail: [] };
  const widths = [0, 1].map((col) => rows.reduce((widest, row) => Math.max(widest, row[col]!.length), 0));
  const lines = rows.map(([slug, name, classes]) => `${output.style.bold(slug!.padEnd(widths[0]!))}  ${name!.padEnd(widths[1]!)}  ${output.style.dim(classes!)}`);
  return { head: [], body: lines, tail: [] };
}
