import type { SideEffectsReport } from '../core/side-effects.js';
import { FREQUENCY_WORDS } from '../core/vocabulary.js';
import type { Output } from '../io/output.js';
import { formatControl, formatPercent, percentBar } from './percent.js';
import { cleanLine } from '../io/sanitize.js';
import { notAdvice } from './notice.js';
import { renderOrigin } from './origin.js';
import type { Page } from './page.js';
import { renderSources, sourceRef } from './sources.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

const BAR_WIDTH = 10;

/**
 * `medinfo side-effects`: the title, then the table (on a terminal, effects
 * without a figure are grouped by frequency word under it; piped, they are
 * rows of the table), then what the table leaves out, the sources and the reminder.
 */
export function renderSideEffectsPage(report: SideEffectsReport, output: Output): Page {
  const head = [output.style.bold(`${cleanLine(report.name)} — side effects`), ...renderOrigin(report.origin, output)];
  if (report.side_effects.length === 0) {
    return { head: head.concat(`No side effects of at least ${report.min ?? 0}% are listed.`), body: [], tail: ['', notAdvice(output)] };
  }
  const tail = renderGaps(report.gaps, output).concat('', renderSources(report.sources, output), '', notAdvice(output));
  return { head, body: renderSideEffects(report, output), tail };
}

/** The note that the table is partial: what the sources hold that could not be confirmed. */
export function renderGaps(gaps: readonly string[] | undefined, output: Output): string[] {
  if (!gaps || gaps.length === 0) return [];
  const lines = [''].concat(wrapText(output.style.yellow('Not included (the sources have more than medinfo could confirm):'), output, '', ''));
  for (const gap of gaps) for (const line of wrapText(cleanLine(gap), output, '  - ', '    ')) lines.push(line);
  return lines;
}

/**
 * The side-effect table. On a terminal, and in a document such as `show`, the
 * effects listed without a figure follow it, grouped by frequency word. A
 * piped page makes every effect a row, with its frequency word and the drug's
 * slug in columns of their own.
 */
export function renderSideEffects(report: SideEffectsReport, output: Output, layout: 'page' | 'document' = 'page'): string[] {
  const piped = !output.isTerminal && layout === 'page';
  const rows = {
    measured: report.side_effects.filter((row) => piped || row.percent !== undefined),
    unmeasured: piped ? [] : report.side_effects.filter((row) => row.percent === undefined),
  };
  let lines: string[] = [];
  if (rows.measured.length > 0) {
    const table = renderTable(
      [
        { title: 'Effect' },
        { title: 'Patients', align: 'right', wrap: false },
        { title: '', paint: output.style.cyan, only: 'terminal', optional: true, wrap: false },
        { title: 'Placebo', align: 'right', wrap: false },
        { title: 'Source' },
        { title: 'Participants', only: 'pipe' },
        { title: 'Note', only: 'pipe' },
        ...(piped ? [{ title: 'Frequency' }, { title: 'Drug' }] : []),
      ],
      rows.measured.map((row) => [
        output.isTerminal
          ? [row.effect, ...[row.note, row.participants ? `${row.participants} patients` : ''].filter(Boolean)].join(' — ')
          : row.effect,
        formatPercent(row.percent),
        row.percent === undefined ? '' : percentBar(row.percent, BAR_WIDTH),
        formatControl(row),
        sourceRef(report.sources, row.source),
        row.participants ? String(row.participants) : '',
        row.note ?? '',
        row.frequency ?? '',
        report.slug,
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
      const items = group.map((row) => `${cleanLine(row.effect)} ${sourceRef(report.sources, row.source).split(' ')[0]}`);
      for (const line of wrapText(`${word}: ${items.join(', ')}`, output, '  ', '    ')) lines.push(line);
    }
  }
  return lines;
}
