import type { Monograph, SideEffect } from '../core/monograph.js';
import type { SideEffectsReport } from '../core/side-effects.js';
import { FREQUENCY_WORDS } from '../core/vocabulary.js';
import type { Output } from './output.js';
import { formatPercent, percentBar } from './percent.js';
import { cleanLine } from './sanitize.js';
import { NOT_ADVICE } from './notice.js';
import { renderSources, sourceRef } from './sources.js';
import { renderTable } from './table.js';

const BAR_WIDTH = 10;

/** `medinfo side-effects`: a title, the table, the sources the rows cite, and the reminder. */
export function renderSideEffectsPage(monograph: Monograph, report: SideEffectsReport, output: Output, min?: number): string {
  let lines = [output.style.bold(`${cleanLine(monograph.name)} — side effects`)];
  if (report.side_effects.length === 0) lines.push(`No side effects of at least ${min ?? 0}% are listed.`);
  else lines = lines.concat(renderSideEffects(monograph, report.side_effects, output), '', renderSources(monograph, output, report.sources));
  lines.push('', output.style.dim(NOT_ADVICE));
  return `${lines.join('\n')}\n`;
}

/** The side-effect table, then the effects listed without a figure, grouped by frequency word. */
export function renderSideEffects(monograph: Monograph, effects: readonly SideEffect[], output: Output): string[] {
  const rows = {
    measured: effects.filter((row) => row.percent !== undefined),
    unmeasured: effects.filter((row) => row.percent === undefined),
  };
  const lines: string[] = [];
  if (rows.measured.length > 0) {
    const fixed = 10 + (BAR_WIDTH + 2) + 9 + 13;
    const effectWidth = Math.max(18, output.width - fixed - 6);
    const table = renderTable(
      [
        { title: 'Effect', width: effectWidth },
        { title: 'Patients', width: 10, align: 'right' },
        { title: '', width: BAR_WIDTH + 2, paint: output.style.cyan, only: 'terminal' },
        { title: 'Placebo', width: 9, align: 'right' },
        { title: 'Source', width: 13 },
        { title: 'Participants', only: 'pipe' },
        { title: 'Note', only: 'pipe' },
      ],
      rows.measured.map((row) => [
        output.isTerminal
          ? [row.effect, ...[row.note, row.participants ? `${row.participants} patients` : ''].filter(Boolean)].join(' — ')
          : row.effect,
        formatPercent(row.percent),
        row.percent === undefined ? '' : percentBar(row.percent, BAR_WIDTH),
        formatPercent(row.placebo_percent),
        sourceRef(monograph, row.source),
        row.participants ? String(row.participants) : '',
        row.note ?? '',
      ]),
      output,
    );
    for (const line of table.split('\n')) lines.push(line);
  }
  if (rows.unmeasured.length > 0) {
    lines.push('', output.style.bold('Listed without a figure'));
    for (const word of FREQUENCY_WORDS) {
      const group = rows.unmeasured.filter((row) => row.frequency === word);
      if (group.length === 0) continue;
      const items = group.map((row) => `${cleanLine(row.effect)} ${sourceRef(monograph, row.source).split(' ')[0]}`);
      lines.push(`  ${word}: ${items.join(', ')}`);
    }
  }
  return lines;
}
