import type { EffectReport, EffectRow } from '../core/effects.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { notAdvice } from './notice.js';
import type { Page } from './page.js';
import { formatControl, formatPercent } from './percent.js';
import { CitedSources } from './sources.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

/** `medinfo effect`: which drugs list the effect, highest figure first, each row with its source. */
export function renderEffectReport(report: EffectReport, output: Output): Page {
  const others = report.matched_words.filter((word) => word !== report.term);
  const count = report.drugs.length;
  const head = [
    output.style.bold(
      `${cleanLine(report.term)}${others.length > 0 ? ` (also: ${others.map(cleanLine).join(', ')})` : ''}: ${count === 0 ? 'no drug lists it' : `${count} drug${count === 1 ? '' : 's'} list it`}${report.among ? `, of ${report.among.length} checked` : ''}`,
    ),
  ];
  const sources = new CitedSources();
  const refOf = (row: EffectRow) => `[${sources.cite(`the ${row.slug} monograph`, row.source)}] ${row.source.kind}`;
  const rows = report.drugs.flatMap((drug) => drug.rows);
  const body: string[] = [];
  if (rows.length > 0) {
    const table = renderTable(
      [
        { title: 'Drug', paint: output.style.bold },
        { title: 'Slug', only: 'pipe' },
        // Prose, wrapped: narrower than the default 16 so that a 16-letter drug name (lisdexamfetamine) still leaves a box at 60 columns.
        { title: 'As listed', min: 14 },
        { title: 'Patients', only: 'pipe' },
        { title: 'Placebo', only: 'pipe' },
        // One column on a terminal: five columns do not fit 60. The control is placebo unless the text names a comparator.
        { title: 'Patients (control)', only: 'terminal', align: 'right' },
        { title: 'Source' },
      ],
      rows.map((row) => {
        const patients = row.percent === undefined ? (row.frequency ?? '') : formatPercent(row.percent);
        const listed = row.effect && row.note ? `${row.effect} — ${row.note}` : row.effect || (row.note ?? '');
        if (!output.isTerminal) return [row.name, row.slug, listed, patients, formatControl(row), '', refOf(row)];
        // On a terminal the figures stay short enough for 60 columns: an active comparator is named in the text instead.
        const control = formatPercent(row.placebo_percent);
        const against = row.comparator && control ? ` (control: ${row.comparator})` : '';
        return [row.name, row.slug, `${listed}${against}`, patients, '', control ? `${patients} (${control})` : patients, refOf(row)];
      }),
      output,
    );
    // The rows stay one text, after the header line: split into thousands of lines, they were only joined again.
    const header = table.indexOf('\n');
    if (output.isTerminal) body.push('', table);
    else if (header < 0) body.push(table);
    else body.push(table.slice(0, header), table.slice(header + 1));
  }
  const tail: string[] = [];
  if (report.not_listed && report.not_listed.length > 0) {
    tail.push('');
    for (const line of wrapText(`Not listed by the sources of: ${report.not_listed.map(cleanLine).join(', ')} (not the same as 0%).`, output, '', '  ')) tail.push(line);
  }
  for (const line of sources.render(output)) tail.push(line);
  tail.push('', notAdvice(output));
  return { head, body, tail };
}
