import type { Monograph } from '../core/monograph.js';
import type { Output } from './output.js';
import { sourceRef } from './sources.js';
import { renderTable } from './table.js';

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
