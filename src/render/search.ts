import type { SearchResult } from '../core/search-result.js';
import { notAdvice } from './notice.js';
import type { Output } from '../io/output.js';
import { renderTable } from './table.js';

/** Ranked results: drug, what matched, and a short excerpt. */
export function renderSearch(rows: readonly SearchResult[], output: Output): string {
  const table = renderTable(
    [
      { title: 'Drug', paint: output.style.bold },
      { title: 'Matched' },
      { title: 'Snippet' },
    ],
    rows.map((row) => [
      row.slug,
      row.matched
        .slice(0, 3)
        .map((m) => `${m.field}: ${m.value}`)
        .join('; '),
      row.snippet,
    ]),
    output,
  );
  return `${table}\n\n${notAdvice(output)}\n`;
}
