import type { StudiesReport } from '../core/studies.js';
import type { NumberedSource } from '../core/sources.js';
import type { Study } from '../core/monograph.js';
import { notAdvice } from './notice.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { renderOrigin } from './origin.js';
import type { Page } from './page.js';
import { renderSources, sourceRef } from './sources.js';
import { renderTable } from './table.js';

/** `medinfo studies`: the title, the table, the sources the studies cite, and the reminder. */
export function renderStudiesPage(report: StudiesReport, output: Output): Page {
  const head = [output.style.bold(`${cleanLine(report.name)} — studies`), ...renderOrigin(report.origin, output)];
  if (report.studies.length === 0) return { head: head.concat('No study summaries are recorded for this drug.'), body: [], tail: ['', notAdvice(output)] };
  return {
    head,
    body: renderStudies(report.studies, report.sources, output, report.slug),
    tail: ['', ...renderSources(report.sources, output), '', notAdvice(output)],
  };
}

/** Study, participants, outcome and source, one row per study; with `slug`, piped, the drug too (a page's rows, not a document's). */
export function renderStudies(studies: readonly Study[], sources: readonly NumberedSource[], output: Output, slug?: string): string[] {
  return renderTable(
    [
      { title: 'Study' },
      { title: 'Participants', align: 'right', wrap: false },
      { title: 'Outcome' },
      { title: 'Source' },
      ...(slug === undefined ? [] : [{ title: 'Drug', only: 'pipe' as const }]),
    ],
    studies.map((study) => [
      study.title,
      String(study.participants),
      study.design ? `${study.outcome} (${study.design})` : study.outcome,
      sourceRef(sources, study.source),
      slug ?? '',
    ]),
    output,
  ).split('\n');
}
