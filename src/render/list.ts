import type { DrugSummary } from '../library/library-format.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { listTextLine } from './list-lines.js';
import type { Page } from './page.js';
import { STACK_BELOW } from './table.js';

/** The narrowest the classes may wrap to beside the names; narrower, a word or two a line, they read better under them. */
const MIN_CLASSES = 30;

/**
 * One drug per line: slug, name, classes. On a terminal the columns are
 * aligned and the classes wrap within the width, under the names when the
 * screen is narrower than a table needs; piped, they are separated by tabs
 * (the header line goes to stderr as for every table), so `cut -f1` and `awk`
 * work.
 */
export function renderList(drugs: readonly DrugSummary[], output: Output): Page {
  if (!output.isTerminal) {
    const rows = drugs.map((drug) => listTextLine(drug).slice(0, -1));
    return { head: [], body: ['Slug\tName\tClasses'].concat(rows), tail: [] };
  }
  const rows = drugs.map((drug) => [cleanLine(drug.slug), cleanLine(drug.name), drug.classes.map(cleanLine).join(', ')] as const);
  const stringWidth = (require('string-width') as typeof import('string-width')).default;
  const wrapAnsi = (require('wrap-ansi') as typeof import('wrap-ansi')).default;
  const widths = [0, 1].map((col) => rows.reduce((widest, row) => Math.max(widest, stringWidth(row[col]!)), 0));
  const indent = widths[0]! + widths[1]! + 4;
  const beside = output.width >= STACK_BELOW && output.width - indent >= MIN_CLASSES;
  const room = beside ? output.width - indent : output.width - 4;
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
  const lines: string[] = [];
  for (const [slug, name, classes] of rows) {
    const wrapped = stringWidth(classes) <= room ? [classes] : wrapAnsi(classes, room, { hard: true, trim: true }).split('\n');
    const names = `${output.style.bold(pad(slug, widths[0]!))}  ${pad(name, widths[1]!)}`;
    if (beside) {
      lines.push(`${names}  ${output.style.dim(wrapped[0]!)}`);
      for (const line of wrapped.slice(1)) lines.push(`${' '.repeat(indent)}${output.style.dim(line)}`);
    } else {
      lines.push(names.trimEnd());
      for (const line of wrapped) lines.push(`    ${output.style.dim(line)}`);
    }
  }
  return { head: [], body: lines, tail: [] };
}
