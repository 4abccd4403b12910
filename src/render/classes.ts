import type { ClassTag } from '../core/catalog.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import type { Page } from './page.js';
import { wrapText } from './wrap.js';

/**
 * One tag per line with its meaning. On a terminal the meanings line up and
 * wrap beside the tags; piped, tab-separated rows (the header line goes to
 * stderr, as for every table).
 */
export function renderClasses(tags: readonly ClassTag[], output: Output): Page | string {
  const rows = tags.map(({ tag, meaning }) => [cleanLine(tag), cleanLine(meaning).replace(/\t/g, ' ')] as const);
  if (!output.isTerminal) return { head: [], body: ['Tag\tMeaning'].concat(rows.map((row) => row.join('\t'))), tail: [] };
  const width = rows.reduce((widest, [tag]) => Math.max(widest, tag.length), 0);
  const indent = ' '.repeat(width + 2);
  return rows
    .map(([tag, meaning]) => {
      const [first, ...rest] = wrapText(meaning, output, '', indent);
      return `${[`${output.style.bold(tag.padEnd(width))}  ${first}`, ...rest].join('\n')}\n`;
    })
    .join('');
}
