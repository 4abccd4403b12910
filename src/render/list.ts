import type { DrugSummary } from '../library/library-format.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';

/**
 * One drug per line: slug, name, classes. On a terminal the columns are
 * aligned; piped, they are separated by tabs so `cut -f1` and `awk` work.
 */
export function renderList(drugs: readonly DrugSummary[], output: Output): string {
  const rows = drugs.map((drug) => [drug.slug, drug.name, drug.classes.join(',')].map(cleanLine));
  if (!output.isTerminal) return rows.map((row) => `${row.join('\t')}\n`).join('');
  const widths = [0, 1].map((col) => rows.reduce((widest, row) => Math.max(widest, row[col]!.length), 0));
  return rows
    .map(([slug, name, classes]) => `${output.style.bold(slug!.padEnd(widths[0]!))}  ${name!.padEnd(widths[1]!)}  ${output.style.dim(classes!)}\n`)
    .join('');
}
