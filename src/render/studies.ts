import type { Monograph } from '../core/monograph.js';
import type { StudiesReport } from '../core/studies.js';
import { NOT_ADVICE } from './notice.js';
import type { Output } from './output.js';
import { cleanLine } from './sanitize.js';
import { renderSources, sourceRef } from './sources.js';
import { renderTable } from './table.js';

/** `medinfo studies`: a title, the table, the sources the studies cite, and the reminder. */
export function renderStudiesPage(monograph: Monograph, report: StudiesReport, output: Output): string {
  let lines = [output.style.bold(`${cleanLine(monograph.name)} — studies`)];
  if (report.studies.length === 0) lines.push('No study summaries are recorded for this drug.');
  else lines = lines.concat(renderStudies(monograph, output), '', renderSources(monograph, output, report.sources));
  lines.push('', output.style.dim(NOT_ADVICE));
  return `${lines.join('\n')}\n`;
}

/** Study, participants, outcome and source, one row per study. */
export function renderStudies(monograph: Monograph, output: Output): string[] {
  const outcomeWidth = Math.max(20, output.width - 24 - 14 - 13 - 5);
  return renderTable(
    [
      { title: 'Study', width: 24 },
      { title: 'Participants', width: 14, align: 'right' },
      { title: 'Outcome', width: outcomeWidth },
      { title: 'Source', width: 13 },
    ],
    monograph.studies.map((study) => [
      study.title,
      String(study.participants),
      study.design ? `${study.outcome} (${study.design})` : study.outcome,
      sourceRef(monograph, study.source),
    ]),
    output,
  ).split('\n');
}
