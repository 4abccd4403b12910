/**
 * What a table command prints. On a terminal it is read top to bottom: `head`
 * (a title, a headline), `body` (the table) and `tail` (notes, sources, the
 * reminder). Piped, stdout holds only the body's rows, so `cut`, `sort` and
 * `wc -l` see nothing else; the head, the header line and the tail go to
 * stderr, where a person still reads them (see src/io/present.ts).
 */
export interface Page {
  head: string[];
  /** Piped: the header line first, then the rows, a line each (an entry may hold several lines). */
  body: string[];
  tail: string[];
}

/** The page as one text, for a terminal: the parts in order (their own blank lines separate them). */
export function pageText(page: Page): string {
  return `${page.head.concat(page.body, page.tail).join('\n')}\n`;
}
