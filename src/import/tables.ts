import type { LabelTable } from './label.js';

/** A side-effect row read from a label, before it is given its source. */
export interface ImportedEffect {
  effect: string;
  percent?: number | [number, number];
  frequency?: 'not reported';
  placebo_percent?: number | [number, number];
  participants?: number;
  system?: string;
  note?: string;
}

/** What a table gave: its rows, and what it held that could not be read with confidence (one line each). */
export interface TableReading {
  rows: ImportedEffect[];
  leftOut: string[];
  /** The table's name in notes and warnings: "Table 2", or its caption. */
  name: string;
  /** Whether the table had any drug-arm column at all (a table that is not about side-effect rates has none). */
  armColumns: number;
}

interface Column {
  index: number;
  header: string;
  kind: 'arm' | 'placebo' | 'other';
  /** The arm's name for the note: the header without its n=. */
  arm: string;
  participants?: number;
}

type Figure = { percent: number | [number, number]; participants?: number } | 'blank' | 'dash' | undefined;

/**
 * Reads a label's adverse-reaction table: every drug-arm column becomes a row
 * per reaction, with the placebo column's figure as `placebo_percent`,
 * participants from the column's `n=`, and a note naming the table and the
 * arm ("Table 2, 10 mg"). `drugNames` are the words that mark a column as the
 * drug's own (its generic and brand names); a column that is neither the
 * drug, a dose of it, nor placebo is left out, as is any cell whose figure is
 * not clearly a percentage. Nothing is guessed: what is left out is listed.
 */
export function readEffectTable(table: LabelTable, drugNames: readonly string[], fallbackName: string): TableReading {
  const name = tableName(table.caption) ?? fallbackName;
  const grid = expand(table);
  const width = Math.max(0, ...grid.map((row) => row.length));
  const leftOut: string[] = [];
  if (width < 2) return { rows: [], leftOut, name, armColumns: 0 };
  // Header rows: the <thead>, and above the first row with a figure, any row that heads a column
  // (rows that name only something in the first column are group rows, as an organ system is).
  let firstFigure = table.headRows;
  while (firstFigure < grid.length && !grid[firstFigure]!.slice(1).some((cell) => /\d/.test(cell.text) && !isHeaderish(cell.text))) firstFigure++;
  if (firstFigure >= grid.length) return { rows: [], leftOut, name, armColumns: 0 };
  let headRows = table.headRows;
  for (let row = table.headRows; row < firstFigure; row++) {
    const spansAll = (grid[row]![0]?.colspan ?? 1) >= width;
    if (!spansAll && grid[row]!.slice(1).some((cell) => cell.text !== '')) headRows = row + 1;
  }
  const percentHeader = /%|percent/i.test(table.caption ?? '');
  const columns: Column[] = [];
  for (let index = 1; index < width; index++) {
    const parts: string[] = [];
    for (let row = 0; row < headRows; row++) {
      const text = grid[row]![index]?.text ?? '';
      if (text !== '' && parts.at(-1) !== text) parts.push(text);
    }
    const header = parts.join(' ');
    const participants = participantsOf(header);
    const arm = armName(header);
    const lower = header.toLowerCase();
    const kind = /placebo|vehicle/.test(lower) ? 'placebo' : isArm(lower, drugNames) ? 'arm' : 'other';
    columns.push({ index, header, kind, arm, ...(participants ? { participants } : {}) });
  }
  const arms = columns.filter((column) => column.kind === 'arm');
  const placebo = columns.filter((column) => column.kind === 'placebo');
  if (arms.length === 0) return { rows: [], leftOut, name, armColumns: 0 };
  for (const column of columns) if (column.kind === 'other' && column.header !== '') leftOut.push(`${name}: column "${column.header}" is neither the drug nor placebo, left out`);
  if (placebo.length > 1) leftOut.push(`${name}: ${placebo.length} placebo columns; no placebo figure taken`);
  const percentIn = (column: Column) => percentHeader || /%|percent/i.test(column.header);

  const rows: ImportedEffect[] = [];
  const dashes: string[] = [];
  let system: string | undefined;
  for (let r = headRows; r < grid.length; r++) {
    const cells = grid[r]!;
    const label = cleanEffect(cells[0]?.text ?? '');
    const figures = cells.slice(1).filter((cell) => !cell.spanned && cell.text.trim() !== '');
    if (figures.length === 0) {
      // A group row (an organ system), a heading row, or a footnote row spanning the table.
      const raw = cells[0]?.text ?? '';
      if (label !== '' && !isFootnote(raw) && !HEADING_LABEL.test(label)) system = label.toLowerCase();
      continue;
    }
    if (label === '') {
      leftOut.push(`${name}: a row with figures but no reaction named, left out`);
      continue;
    }
    const placeboFigure = placebo.length === 1 ? parseFigure(cells[placebo[0]!.index]?.text ?? '', percentIn(placebo[0]!)) : undefined;
    if (placebo.length === 1 && placeboFigure === 'dash') dashes.push(label);
    else if (placebo.length === 1 && placeboFigure === undefined) leftOut.push(`${name}, ${label}: placebo figure "${cells[placebo[0]!.index]?.text ?? ''}" not read`);
    for (const column of arms) {
      const text = cells[column.index]?.text ?? '';
      const figure = parseFigure(text, percentIn(column));
      if (figure === 'blank') continue;
      if (figure === undefined || figure === 'dash') {
        leftOut.push(`${name}, ${label}, ${column.arm || column.header}: "${text}" not read as a percentage`);
        continue;
      }
      const row: ImportedEffect = { effect: label, percent: figure.percent };
      if (typeof placeboFigure === 'object') row.placebo_percent = placeboFigure.percent;
      const participants = figure.participants ?? column.participants;
      if (participants) row.participants = participants;
      if (system) row.system = system;
      row.note = column.arm ? `${name}, ${column.arm}` : name;
      rows.push(row);
    }
  }
  // "-" is zero in some labels and "below the table's cut-off" in others: no placebo figure is taken from it.
  if (dashes.length > 0) leftOut.push(`${name}: placebo written "-" for ${dashes.join(', ')}; no placebo figure taken`);
  return { rows, leftOut, name, armColumns: arms.length };
}

interface GridCell {
  text: string;
  colspan: number;
  /** A copy of a cell spanning into this place, not a cell of its own. */
  spanned: boolean;
}

/** The table as a grid: colspan and rowspan cells copied into every place they cover. */
function expand(table: LabelTable): GridCell[][] {
  const grid: GridCell[][] = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = { text: cell.text, colspan: cell.colspan, spanned: dr > 0 || dc > 0 };
      }
      c += cell.colspan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', colspan: 1, spanned: false }));
}

/** "Table 2" from "Table 2. Clinical adverse reactions …"; otherwise the caption up to its first parenthesis. */
function tableName(caption: string | undefined): string | undefined {
  if (!caption || caption.trim() === '') return undefined;
  const numbered = /^\s*(Table\s+[0-9]+[A-Za-z]?)\b/i.exec(caption);
  if (numbered) return numbered[1]!.replace(/\s+/g, ' ').replace(/^table/i, 'Table');
  const text = caption.split(/\s\(/)[0]!.replace(/[.:\s]+$/, '').trim();
  return text === '' ? undefined : text;
}

/** Whether a header cell names the drug's own arm: its name, a dose, or "any dose" / "all doses". */
function isArm(header: string, drugNames: readonly string[]): boolean {
  if (header === '') return false;
  if (/\b\d+(\.\d+)?\s*(mg|mcg|µg|g|ml|units?|iu)\b/.test(header) || /\b(any|all) doses?\b/.test(header)) return true;
  return drugNames.some((name) => name.length >= 3 && header.includes(name.toLowerCase()));
}

function isHeaderish(text: string): boolean {
  return /\bn\s*=/i.test(text) || /\b(mg|mcg)\b/i.test(text) || /^\(?\s*n\s*=/i.test(text);
}

function participantsOf(header: string): number | undefined {
  const match = /\bn\s*=\s*([0-9][0-9,]*)/i.exec(header);
  if (!match) return undefined;
  const n = Number(match[1]!.replace(/,/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function armName(header: string): string {
  return header
    .replace(/\(?\s*\bn\s*=\s*[0-9][0-9,]*\s*\)?/gi, ' ')
    .replace(/\(\s*%\s*\)|%/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:]+$/, '')
    .trim();
}

const NUMBER = '([0-9]+(?:\\.[0-9]+)?)';
const FIGURE_FORMS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Exclude<Figure, 'blank' | 'dash' | undefined>]> = [
  // 16%   16 %
  [new RegExp(`^${NUMBER}\\s*%$`), (m) => ({ percent: Number(m[1]) })],
  // 2/103 (4%)  2 / 103 (1.9 %)
  [new RegExp(`^([0-9]+)\\s*/\\s*([0-9]+)\\s*\\(\\s*${NUMBER}\\s*%\\s*\\)$`), (m) => ({ percent: Number(m[3]), participants: Number(m[2]) })],
  // 12 (4%): a count and its percentage
  [new RegExp(`^([0-9]+)\\s*\\(\\s*${NUMBER}\\s*%\\s*\\)$`), (m) => ({ percent: Number(m[2]) })],
  // <1%   < 1 %
  [new RegExp(`^(?:<|&lt;|less than)\\s*${NUMBER}\\s*%$`, 'i'), (m) => ({ percent: [0, Number(m[1])] })],
  // 10–63%
  [new RegExp(`^${NUMBER}\\s*[-–—]\\s*${NUMBER}\\s*%$`), (m) => ({ percent: [Number(m[1]), Number(m[2])] })],
];

/**
 * A cell's figure: `16%`, `8.3` (when the header or caption says %), `2/103 (4%)`,
 * `<1%` (as the range 0–1). 'blank' for an empty cell, 'dash' for "-" (which
 * labels use for both zero and "below the cut-off"), undefined for anything else.
 */
export function parseFigure(raw: string, percentHeader: boolean): Figure {
  const text = raw.replace(/[*†‡§¶#]+$/u, '').replace(/\s+/g, ' ').trim();
  if (text === '') return 'blank';
  if (/^[-–—]+$/.test(text)) return 'dash';
  for (const [pattern, read] of FIGURE_FORMS) {
    const match = pattern.exec(text);
    if (match) return inRange(read(match));
  }
  if (percentHeader) {
    const bare = new RegExp(`^${NUMBER}$`).exec(text);
    if (bare) return inRange({ percent: Number(bare[1]) });
    const less = new RegExp(`^<\\s*${NUMBER}$`).exec(text);
    if (less) return inRange({ percent: [0, Number(less[1])] });
  }
  return undefined;
}

function inRange(figure: { percent: number | [number, number]; participants?: number }): Figure {
  const values = Array.isArray(figure.percent) ? figure.percent : [figure.percent];
  return values.every((value) => value >= 0 && value <= 100) && (!Array.isArray(figure.percent) || figure.percent[0] <= figure.percent[1]) ? figure : undefined;
}

/** A reaction's name without footnote marks: "Injection site reaction **" is "injection site reaction". */
export function cleanEffect(text: string): string {
  const name = text
    .replace(/[*†‡§¶#]+/gu, '')
    .replace(/\s*\((?:preferred term|pt)\)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:;,]+$/, '')
    .trim();
  return name.split(' ').map((word) => (/^[A-Z0-9-]{2,}$/.test(word) && /[A-Z]/.test(word) ? word : word.toLowerCase())).join(' ');
}

const HEADING_LABEL = /^(adverse (reactions?|events?|experiences?)|body system|preferred term|system organ class|reactions?)\b/i;

function isFootnote(text: string): boolean {
  return /^\s*([*†‡§¶]+|[a-z][.)]?)\s/.test(text) || text.length > 80;
}
