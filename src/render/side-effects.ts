import type { Monograph, SideEffect } from '../core/monograph.js';
import type { SideEffectsReport } from '../core/side-effects.js';
import { FREQUENCY_WORDS } from '../core/vocabulary.js';
import type { Output } from '../io/output.js';
import { formatPercent, percentBar } from './percent.js';
import { cleanLine } from '../io/sanitize.js';
import { notAdvice } from './notice.js';
import { renderSources, sourceRef } from './sources.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

const BAR_WIDTH = 10;

/** `medinfo side-effects`: a title, the table, the sources the rows cite, and the reminder. */
export function renderSideEffectsPage(monograph: Monograph, report: SideEffectsReport, output: Output, min?: number): string {
  const title = [output.style.bold(`${cleanLine(monograph.name)} — side effects`)];
  const body =
    report.side_effects.length === 0
      ? [`No side effects of at least ${min ?? 0}% are listed.`]
      : renderSideEffects(monograph, report.side_effects, output).concat(renderGaps(report.gaps, output), '', renderSources(monograph, output, report.sources));
  return `${title.concat(body, '', notAdvice(output)).join('\n')}\n`;
}

/** The note that the table is partial: what the sources hold that could not be confirmed. */
export function renderGaps(gaps: readonly string[] | undefined, output: Output): string[] {
  if (!gaps || gaps.length === 0) return [];
  const lines = ['', output.style.yellow('Not included (the sources have more than medinfo could confirm):')];
  for (const gap of gaps) for (const line of wrapText(cleanLine(gap), output, '  - ', '    ')) lines.push(line);
  return lines;
}

/** The side-effect table, then the effects listed without a figure, grouped by frequency word. */
export function renderSideEffects(monograph: Monograph, effects: readonly SideEffect[], output: Output): string[] {
  const rows = {
    measured: effects.filter((row) => row.percent !== undefined),
    unmeasured: effects.filter((row) => row.percent === undefined),
  };
  let lines: string[] = [];
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
    lines = table.split('\n');
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
