import type { CompareCell, CompareReport } from '../core/compare.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { headline } from './interactions-report.js';
import { notAdvice } from './notice.js';
import type { Page } from './page.js';
import { formatPercent } from './percent.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

const NOT_LISTED = '—';

/** "30% (pl 10%)", "rare", or — where the drug's sources do not list the effect. */
function cellText(cell: CompareCell | null): string {
  if (!cell) return NOT_LISTED;
  const figure = cell.percent !== undefined ? formatPercent(cell.percent) : (cell.frequency ?? '');
  return cell.placebo_percent !== undefined ? `${figure} (${cell.comparator ? cleanLine(cell.comparator) : 'pl'} ${formatPercent(cell.placebo_percent)})` : figure;
}

/**
 * `medinfo compare`: the drugs' facts, the side-effect matrix (stacked when
 * the drugs' figures do not fit the screen), their interactions. Piped, the
 * matrix is the rows and the rest goes around it.
 */
export function renderCompare(report: CompareReport, output: Output): Page {
  const { style } = output;
  const names = report.drugs.map((drug) => cleanLine(drug.name));
  let lines = [style.bold(`Comparing ${names.join(', ')}`), ''];
  const page: Page = { head: lines, body: [], tail: [] };
  for (const drug of report.drugs) {
    const facts = `${style.bold(cleanLine(drug.name))}: ${drug.classes.map(cleanLine).join(', ')}. Uses: ${drug.uses.map(cleanLine).join(', ')}. ${cleanLine(drug.rx)}.`;
    for (const line of wrapText(facts, output, '', '  ')) lines.push(line);
  }
  lines.push('', style.bold('Side effects'));
  for (const line of wrapText(style.dim(`Highest figure each drug's sources give; pl = placebo; ${NOT_LISTED} = not listed by its sources (not the same as 0%).`), output, '', '')) lines.push(line);
  if (!output.isTerminal) lines = page.body;
  // Figures keep to one line: where the drugs' columns cannot fit, the table stacks into one block per effect.
  const table = renderTable(
    [{ title: 'Effect' }, ...names.map((name) => ({ title: name, align: 'right' as const, wrap: false }))],
    report.side_effects.map((row) => [row.effect, ...row.cells.map(cellText)]),
    output,
  );
  for (const line of table.split('\n')) lines.push(line);
  const { interactions } = report;
  if (!output.isTerminal) lines = page.tail;
  lines.push('', style.bold('Between them'), headline(interactions));
  for (const finding of interactions.interactions) {
    const top = finding.entries[0]!;
    for (const line of wrapText(`${finding.severity}: ${finding.names.map(cleanLine).join(' + ')}: ${cleanLine(top.effect)}`, output, '  ', '    ')) lines.push(line);
  }
  for (const warning of interactions.duplicate_therapy) {
    for (const line of wrapText(`duplicate therapy: ${warning.names.map(cleanLine).join(' + ')} (${cleanLine(warning.class)}): ${cleanLine(warning.meaning)}`, output, '  ', '    ')) lines.push(line);
  }
  for (const line of wrapText(style.dim('medinfo interactions <drugs> shows each entry with its source and advice.'), output, '', '')) lines.push(line);
  lines.push('', notAdvice(output));
  return page;
}
