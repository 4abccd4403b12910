import type TableConstructor from 'cli-table3';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';

export interface Column {
  title: string;
  /** Fixed width (including padding); columns without one size to their content. */
  width?: number;
  align?: 'left' | 'right';
  /** Styling applied to the cell after it has been sanitised. */
  paint?: (text: string) => string;
  /** Styling that depends on the row (its index), applied instead of `paint`. */
  paintRow?: (text: string, row: number) => string;
  /** Shown only on a terminal (decoration such as bars), or only when piped (detail a box has no room for). */
  only?: 'terminal' | 'pipe';
}

/**
 * A table. On a terminal: boxed with cli-table3, which is loaded only then;
 * its own header and border colors are switched off (it would color them even
 * when piped) and the header is styled through Output. Piped: a header line and
 * tab-separated rows, no decoration, so `cut`, `awk` and `grep` work. Cells are
 * sanitised here either way.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], output: Output): string {
  if (!output.isTerminal) return rawTable(columns, rows);
  const Table = require('cli-table3') as typeof TableConstructor;
  const kept = columns.flatMap((column, i) => (column.only === 'pipe' ? [] : [i]));
  columns = kept.map((i) => columns[i]!);
  rows = rows.map((row) => kept.map((i) => row[i] ?? ''));
  const widths = columns.map((c) => c.width ?? null);
  const draw = (slice: readonly string[][], head: boolean, offset = 0) => {
    const table = new Table({
      head: head ? columns.map((c) => output.style.bold(c.title)) : [],
      style: { head: [], border: [] },
      colAligns: columns.map((c) => c.align ?? 'left'),
      ...(widths.some((w) => w !== null) ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : {}),
    });
    slice.forEach((row, r) => {
      table.push(row.map((cell, i) => {
        const column = columns[i];
        // chalk's styles join extra arguments into the text, so paint gets the text alone.
        if (column?.paintRow) return column.paintRow(cleanLine(cell), offset + r);
        return column?.paint ? column.paint(cleanLine(cell)) : cleanLine(cell);
      }));
    });
    return table.toString();
  };
  // cli-table3's layout is quadratic in the rows (30,000 took 13 s). With every width fixed,
  // slices drawn apart line up, so a long table is drawn in slices and joined.
  if (rows.length <= SLICE_ROWS || widths.includes(null)) return draw(rows, true);
  const lines: string[] = [];
  for (let at = 0; at < rows.length; at += SLICE_ROWS) {
    const slice = draw(rows.slice(at, at + SLICE_ROWS), at === 0, at).split('\n');
    if (at > 0) {
      lines.pop();
      slice[0] = slice[0]!.replace(/[┌┬┐]/g, (corner) => JOINTS[corner]!);
    }
    for (const line of slice) lines.push(line);
  }
  return lines.join('\n');
}

const SLICE_ROWS = 500;
const JOINTS: Record<string, string> = { '┌': '├', '┬': '┼', '┐': '┤' };

function rawTable(columns: readonly Column[], rows: readonly string[][]): string {
  const kept = columns.flatMap((column, i) => (column.only === 'terminal' ? [] : [i]));
  const line = (cells: readonly string[]) => kept.map((i) => cleanLine(cells[i] ?? '').replace(/\t/g, ' ')).join('\t');
  return [line(columns.map((c) => c.title)), ...rows.map(line)].join('\n');
}
