import type { DrugSummary } from '../library/library-format.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { STACK_BELOW } from './table.js';

/** The narrowest the classes may wrap to beside the names; narrower, a word or two a line, they read better under them. */
const MIN_CLASSES = 30;

/**
 * One drug per line: slug, name, classes. On a terminal the columns are
 * aligned and the classes wrap within the width, under the names when the
 * screen is narrower than a table needs; piped, they are separated by tabs so
 * `cut -f1` and `awk` work.
 */
export function renderList(drugs: readonly DrugSummary[], output: Output): string {
  if (!output.isTerminal) return drugs.map((drug) => `${[drug.slug, drug.name, drug.classes.join(',')].map(cleanLine).join('\t')}\n`).join('');
  const rows = drugs.map((drug) => [cleanLine(drug.slug), cleanLine(drug.name), drug.classes.map(cleanLine).join(', ')] as const);
  const stringWidth = (require('string-width') as typeof import('string-width')).default;
  const wrapAnsi = (require('wrap-ansi') as typeof import('wrap-ansi')).default;
  const widths = [0, 1].map((col) => rows.reduce((widest, row) => Math.max(widest, stringWidth(row[col]!)), 0));
  const indent = widths[0]! + widths[1]! + 4;
  const beside = output.width >= STACK_BELOW && output.width - indent >= MIN_CLASSES;
  const room = beside ? output.width - indent : output.width - 4;
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
  let text = '';
  for (const [slug, name, classes] of rows) {
    const lines = stringWidth(classes) <= room ? [classes] : wrapAnsi(classes, room, { hard: true, trim: true }).split('\n');
    const names = `${output.style.bold(pad(slug, widths[0]!))}  ${pad(name, widths[1]!)}`;
    if (beside) {
      text += `${names}  ${output.style.dim(lines[0]!)}\n`;
      for (const line of lines.slice(1)) text += `${' '.repeat(indent)}${output.style.dim(line)}\n`;
    } else {
      text += `${names.trimEnd()}\n`;
      for (const line of lines) text += `    ${output.style.dim(line)}\n`;
    }
  }
  return text;
}
