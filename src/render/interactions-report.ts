import type { FindingEntry, InteractionsReport } from '../core/interactions.js';
import type { Severity } from '../core/monograph.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { notAdvice } from './notice.js';
import type { Page } from './page.js';
import { CitedSources } from './sources.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

const NOT_PROOF = 'A pair not listed is not proof that the two are safe together: these are only the interactions the monographs record.';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 interactions and 1 duplicate-therapy warning among 5 drugs, 10 pairs checked". */
export function headline(report: InteractionsReport): string {
  const found = [plural(report.interactions.length, 'interaction')];
  if (report.duplicate_therapy.length > 0) found.push(plural(report.duplicate_therapy.length, 'duplicate-therapy warning'));
  return `${found.join(' and ')} among ${plural(report.drugs.length, 'drug')}, ${plural(report.pairs_checked, 'pair')} checked`;
}

function paint(severity: Severity, output: Output): (text: string) => string {
  const { style } = output;
  return { contraindicated: style.bold.red, major: style.red, moderate: style.yellow, minor: style.blue, unknown: style.magenta }[severity];
}

/**
 * `medinfo interactions`: the headline, one row per pair (most severe first),
 * duplicate therapy, sources, and the caveats. Piped, the rows are the
 * interactions and then the duplicate-therapy warnings, marked so in the
 * Severity column.
 */
export function renderInteractionsReport(report: InteractionsReport, output: Output): Page {
  const piped = !output.isTerminal;
  const head = [output.style.bold(headline(report))];
  const via = report.drugs.filter((drug) => drug.via).map((drug) => `${cleanLine(drug.name)} (in ${cleanLine(drug.via!)})`);
  if (via.length > 0) for (const line of wrapText(`Checked as ingredients: ${via.join(', ')}`, output, '', '  ')) head.push(line);

  const sources = new CitedSources();
  const refOf = (entry: FindingEntry) => `[${sources.cite(`the ${entry.in} monograph`, entry.source)}]`;

  const rows = report.interactions.map((finding) => {
    const top = finding.entries[0]!;
    const links = [...new Set(finding.entries.map((entry) => (entry.link === 'direct' ? 'direct' : entry.link)))];
    const advice = top.management ? ` What to do: ${top.management}` : '';
    const names = finding.names.join(' + ');
    return {
      severity: finding.severity,
      cells: [finding.severity, `${names} (${links.join(', ')})`, names, links.join(', '), `${top.effect}${advice}`, [...new Set(finding.entries.map(refOf))].join(' ')],
    };
  });
  const duplicates = report.duplicate_therapy.map((warning) => {
    const names = warning.names.join(' + ');
    return ['duplicate therapy', '', names, warning.class, warning.meaning, ''];
  });
  const body: string[] = [];
  if (rows.length > 0 || (piped && duplicates.length > 0)) {
    const table = renderTable(
      [
        { title: 'Severity', paintRow: (text, row) => (rows[row] ? paint(rows[row].severity, output)(text) : text), wrap: false },
        { title: 'Drugs (through)', only: 'terminal' },
        { title: 'Drugs', only: 'pipe' },
        { title: 'Through', only: 'pipe' },
        { title: 'What happens' },
        { title: 'Source' },
      ],
      rows.map((row) => row.cells).concat(piped ? duplicates : []),
      output,
    );
    if (!piped) body.push('');
    for (const line of table.split('\n')) body.push(line);
  }

  const tail: string[] = [];
  if (!piped && report.duplicate_therapy.length > 0) {
    tail.push('', output.style.bold('Duplicate therapy'));
    for (const warning of report.duplicate_therapy) {
      const text = `${warning.names.map(cleanLine).join(' + ')}: ${warning.class === 'same-ingredient' ? 'the same ingredient' : `both ${cleanLine(warning.class)}`}. ${cleanLine(warning.meaning)}`;
      for (const line of wrapText(text, output, '  ', '    ')) tail.push(line);
    }
  }
  for (const line of sources.render(output)) tail.push(line);
  tail.push('');
  for (const line of wrapText(NOT_PROOF, output, '', '')) tail.push(line);
  tail.push(notAdvice(output));
  return { head, body, tail };
}
