import type { Output } from '../io/output.js';
import { clean, cleanLine, oneLine } from '../io/sanitize.js';

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /**
   * The narrowest the column's text may be wrapped to when the table is too
   * wide for the screen. By default its longest word, but at most 16; with
   * `wrap: false` its widest cell (figures, severities stay on one line).
   */
  min?: number;
  wrap?: boolean;
  /** A decoration (a bar): left out when the columns do not fit the screen with it, and in the stacked layout. */
  optional?: boolean;
  /** Styling applied to the cell after it has been sanitised. */
  paint?: (text: string) => string;
  /** Styling that depends on the row (its index), applied instead of `paint`. */
  paintRow?: (text: string, row: number) => string;
  /** Shown only on a terminal (decoration such as bars), or only when piped (detail a box has no room for). */
  only?: 'terminal' | 'pipe';
}

/** Under this many columns a table is not drawn: each row becomes a block of "Title: value" lines. */
export const STACK_BELOW = 60;
/** A column's default narrowest width (see Column.min). */
const MIN_WORD = 16;
/** What a box adds: a border and a space either side of each column, and the closing border. */
const PER_COLUMN = 3;

/**
 * A table. On a terminal: boxed, each column as wide as its widest cell; when
 * that is wider than the screen the widest columns shrink first, their cells
 * wrapping, down to each column's minimum, then optional columns are left
 * out; a screen narrower than STACK_BELOW, or one the columns cannot fit at
 * all, gets one block per row instead. The box is drawn here, in time linear
 * in the text (cli-table3 took quadratic time in the rows and in a cell's
 * length). Piped: a header line and tab-separated rows, no decoration, so
 * `cut`, `awk` and `grep` work. Cells are sanitised here either way.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][], output: Output): string {
  if (!output.isTerminal) return rawTable(columns, rows);
  const kept = columns.flatMap((column, i) => (column.only === 'pipe' ? [] : [i]));
  const shown = kept.map((i) => columns[i]!);
  const cells = rows.map((row) => kept.map((i) => cleanLine(row[i] ?? '')));
  const painted = (text: string, column: Column, row: number) =>
    // chalk's styles join extra arguments into the text, so paint gets the text alone.
    column.paintRow ? column.paintRow(text, row) : column.paint ? column.paint(text) : text;
  const layout = output.width < STACK_BELOW ? undefined : fit(shown, cells, output.width);
  if (!layout) return stacked(shown, cells, output, painted);
  const { wrapAnsi, stringWidth } = textTools();
  const linesOf = (text: string, width: number) => (stringWidth(text) <= width ? [text] : wrapAnsi(text, width, { hard: true, trim: true }).split('\n'));
  const rule = (left: string, joint: string, right: string) => `${left}${layout.map(({ width }) => '─'.repeat(width + 2)).join(joint)}${right}`;
  const lines = [rule('┌', '┬', '┐')];
  const draw = (row: ReadonlyArray<readonly string[]>) => {
    const height = row.reduce((most, cell) => Math.max(most, cell.length), 0);
    for (let n = 0; n < height; n++) {
      const parts = layout.map(({ column, width }, i) => {
        const text = row[i]![n] ?? '';
        const pad = ' '.repeat(Math.max(0, width - stringWidth(text)));
        return column.align === 'right' ? `${pad}${text}` : `${text}${pad}`;
      });
      lines.push(`│ ${parts.join(' │ ')} │`);
    }
  };
  draw(layout.map(({ column, width }) => linesOf(output.style.bold(column.title), width)));
  cells.forEach((row, r) => {
    lines.push(rule('├', '┼', '┤'));
    draw(layout.map(({ column, index, width }) => linesOf(painted(row[index]!, column, r), width)));
  });
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}

interface Placed {
  column: Column;
  /** Its index in the cells. */
  index: number;
  /** The width of its text, padding and borders not included. */
  width: number;
}

/**
 * The columns' text widths for a table at most `screen` wide, or undefined
 * when even their minimums do not fit. Each column starts as wide as its
 * widest cell; while the table is too wide, a cap comes down on the widest
 * columns (never below a column's minimum), so narrow columns keep their
 * width; the columns it cut down then share their room in proportion to
 * their widest cells.
 */
function fit(columns: readonly Column[], cells: readonly string[][], screen: number): Placed[] | undefined {
  const { stringWidth } = textTools();
  const measured = columns.map((column, index) => {
    const titleWord = longestWordOf(column.title, stringWidth);
    let widest = 0;
    let longestWord = titleWord;
    for (const row of cells) {
      const text = row[index]!;
      const width = stringWidth(text);
      if (width > widest) widest = width;
      if (width > longestWord) longestWord = Math.max(longestWord, longestWordOf(text, stringWidth));
    }
    const natural = Math.max(widest, stringWidth(column.title));
    // Unwrapped cells stay whole; the title may still wrap between its words.
    const min = column.wrap === false ? Math.max(widest, titleWord) : Math.min(natural, column.min ?? Math.min(longestWord, MIN_WORD));
    return { column, index, natural, min };
  });
  for (const candidates of [measured, measured.filter(({ column }) => !column.optional)]) {
    const room = screen - PER_COLUMN * candidates.length - 1;
    if (sum(candidates.map(({ min }) => min)) > room) continue;
    const total = sum(candidates.map(({ natural }) => natural));
    if (total <= room) return candidates.map(({ column, index, natural }) => ({ column, index, width: natural }));
    // The highest cap under which the table fits: widths are whole columns, so search the integers.
    const widthAt = (cap: number) => sum(candidates.map(({ natural, min }) => Math.max(min, Math.min(natural, cap))));
    let low = 0;
    let high = Math.max(...candidates.map(({ natural }) => natural));
    while (low < high) {
      const cap = Math.ceil((low + high) / 2);
      if (widthAt(cap) <= room) low = cap;
      else high = cap - 1;
    }
    // The columns the cap cut down share the room they were left in proportion to their widest
    // cells: a column of long prose keeps more of it than one of short labels.
    const capped = candidates.filter(({ natural, min }) => Math.max(min, Math.min(natural, low)) < natural);
    const uncapped = candidates.filter((candidate) => !capped.includes(candidate));
    const widths = new Map(uncapped.map((candidate) => [candidate, candidate.natural]));
    for (const [candidate, width] of share(capped, room - sum(uncapped.map(({ natural }) => natural)))) widths.set(candidate, width);
    return candidates.map((candidate) => ({ column: candidate.column, index: candidate.index, width: widths.get(candidate)! }));
  }
  return undefined;
}

/**
 * `room` shared among columns in proportion to their natural widths, none
 * below its minimum or above its natural width; what rounding leaves goes to
 * the leftmost columns that can take it. The room is at least their minimums.
 */
function share<T extends { natural: number; min: number }>(columns: readonly T[], room: number): Map<T, number> {
  const widths = new Map<T, number>();
  let free = [...columns];
  // A column whose share is under its minimum gets its minimum; the others share the rest again.
  for (;;) {
    const left = room - sum([...widths.values()]);
    const naturals = sum(free.map(({ natural }) => natural));
    const under = free.filter(({ natural, min }) => (left * natural) / naturals < min);
    if (under.length === 0) {
      for (const column of free) widths.set(column, Math.min(column.natural, Math.floor((left * column.natural) / naturals)));
      break;
    }
    for (const column of under) widths.set(column, column.min);
    free = free.filter((column) => !under.includes(column));
  }
  let spare = room - sum([...widths.values()]);
  for (const column of columns) {
    if (spare <= 0) break;
    const more = Math.min(spare, column.natural - widths.get(column)!);
    widths.set(column, widths.get(column)! + more);
    spare -= more;
  }
  return widths;
}

/** Each row as a block of "Title: value" lines, wrapped with a hanging indent; blocks apart by a blank line. Empty cells and optional columns are left out. */
function stacked(columns: readonly Column[], cells: readonly string[][], output: Output, painted: (text: string, column: Column, row: number) => string): string {
  const { wrapAnsi } = textTools();
  const width = output.width - 2;
  const lines: string[] = [];
  cells.forEach((row, r) => {
    if (r > 0) lines.push('');
    columns.forEach((column, i) => {
      if (column.optional || row[i] === '') return;
      const text = column.title ? `${output.style.dim(`${column.title}:`)} ${painted(row[i]!, column, r)}` : painted(row[i]!, column, r);
      wrapAnsi(text, width, { hard: true, trim: true })
        .split('\n')
        .forEach((line, n) => lines.push(n === 0 ? line : `  ${line}`));
    });
  });
  return lines.join('\n');
}

function longestWordOf(text: string, stringWidth: (text: string) => number): number {
  let longest = 0;
  for (const word of text.split(' ')) longest = Math.max(longest, stringWidth(word));
  return longest;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** wrap-ansi and string-width, loaded on first use: only terminal output needs them. */
function textTools() {
  const stringWidth = (require('string-width') as typeof import('string-width')).default;
  return {
    wrapAnsi: (require('wrap-ansi') as typeof import('wrap-ansi')).default,
    // Most cells are plain ASCII, which string-width would still split into graphemes.
    stringWidth: (text: string) => (PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text)),
  };
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// A cell that needs folding onto one line, or its tabs made spaces.
const BREAKS = /[\t\n\r]/;

function rawTable(columns: readonly Column[], rows: readonly string[][]): string {
  const kept = columns.flatMap((column, i) => (column.only === 'terminal' ? [] : [i]));
  const cell = (text: string) => (BREAKS.test(text) ? oneLine(text).replace(/\t/g, ' ') : text);
  const line = (cells: readonly string[]) => kept.map((i) => cell(cells[i] ?? '')).join('\t');
  // Cleaned once, whole: a call per cell was most of the time of a table of thousands of rows.
  return clean([line(columns.map((c) => c.title)), ...rows.map(line)].join('\n'));
}
