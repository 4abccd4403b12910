import type { SearchResult } from '../core/search-result.js';
import { notAdvice } from './notice.js';
import type { Page } from './page.js';
import type { Output } from '../io/output.js';
import { renderTable } from './table.js';

/** Ranked results: drug, what matched (through which lay word: "blood thinner → class: anticoagulant"), and a short excerpt. */
export function renderSearch(rows: readonly SearchResult[], output: Output): Page {
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
        .map((m) => `${m.via ? `${m.via} → ` : ''}${m.field}: ${m.value}`)
        .join('; '),
      row.snippet,
    ]),
    output,
  );
  return { head: [], body: table.split('\n'), tail: ['', notAdvice(output)] };
}
