import type { Monograph } from '../core/monograph.js';
import type { StudiesReport } from '../core/studies.js';
import { notAdvice } from './notice.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { renderSources, sourceRef } from './sources.js';
import { renderTable } from './table.js';

/** `medinfo studies`: a title, the table, the sources the studies cite, and the reminder. */
export function renderStudiesPage(monograph: Monograph, report: StudiesReport, output: Output): string {
  const title = [output.style.bold(`${cleanLine(monograph.name)} — studies`)];
  const body =
    report.studies.length === 0
      ? ['No study summaries are recorded for this drug.']
      : renderStudies(monograph, output).concat('', renderSources(monograph, output, report.sources));
  return `${title.concat(body, '', notAdvice(output)).join('\n')}\n`;
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
