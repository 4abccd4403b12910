import Table from 'cli-table3';
import type { Output } from './output.js';
import { cleanLine } from './sanitize.js';

export interface Column {
  title: string;
  /** Fixed width (including padding); columns without one size to their content. */
  width?: number;
  align?: 'left' | 'right';
  /** Styling applied to the cell after it has been sanitised. */
  paint?: (text: string) => string;
}

/**
 * A boxed table. cli-table3's own header and border colors are switched off
 * (it would color them even when piped); the header is styled through Output,
 * so it is plain whenever color is off. Cells are sanitised here.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], output: Output): string {
  const widths = columns.map((c) => c.width ?? null);
  const table = new Table({
    head: columns.map((c) => output.style.bold(c.title)),
    style: { head: [], border: [] },
    colAligns: columns.map((c) => c.align ?? 'left'),
    ...(widths.some((w) => w !== null) ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  for (const row of rows) {
    table.push(row.map((cell, i) => (columns[i]?.paint ?? String)(cleanLine(cell))));
  }
  return table.toString();
}
