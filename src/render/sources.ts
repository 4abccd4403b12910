import type { Source } from '../core/monograph.js';
import type { NumberedSource } from '../core/sources.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { wrapText } from './wrap.js';

/** "[2] label": how a row points at its source, by the number the report gave it. */
export function sourceRef(sources: readonly NumberedSource[], id: string): string {
  const source = sources.find((candidate) => candidate.id === id);
  return source ? `[${source.number}] ${source.kind}` : id;
}

/** The numbered list of the sources. */
export function renderSources(sources: readonly NumberedSource[], output: Output): string[] {
  const lines = [output.style.bold('Sources')];
  for (const source of sources) {
    const label = `  [${source.number}] `;
    for (const line of wrapText(describe(source), output, label)) lines.push(line);
  }
  return lines;
}

function describe(source: Source): string {
  const parts = [cleanLine(source.title)];
  const detail = [source.kind, source.publisher, source.date].filter(Boolean).map((part) => cleanLine(String(part)));
  parts.push(`(${detail.join(', ')})`);
  if (source.section) parts.push(`— ${cleanLine(source.section)}`);
  if (source.supports) parts.push(`(for ${cleanLine(source.supports)})`);
  if (source.url) parts.push(cleanLine(source.url));
  return parts.join(' ');
}

/**
 * Sources cited by rows from several monographs (interactions, effect),
 * numbered in the order the rows first cite them; `whose` names the
 * monograph that holds the source ("the baclofen monograph").
 */
export class CitedSources {
  private readonly numbers = new Map<string, number>();
  private readonly cited: Array<{ source: Source; whose: string }> = [];

  /** The number of the source, given it on first citing. */
  cite(whose: string, source: Source): number {
    const key = `${whose}\t${source.id}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(key, number);
      this.cited.push({ source, whose });
    }
    return number;
  }

  /** The numbered list, or nothing when no row cited a source. */
  render(output: Output): string[] {
    if (this.cited.length === 0) return [];
    const lines = ['', output.style.bold('Sources')];
    // The effect index shares one source among the rows of many drugs: each is described once.
    const described = new Map<Source, string>();
    this.cited.forEach(({ source, whose }, i) => {
      const label = `  [${i + 1}] `;
      let description = described.get(source);
      if (description === undefined) described.set(source, (description = describe(source)));
      const text = `${description} (in ${cleanLine(whose)})`;
      lines.push(...wrapText(text, output, label));
    });
    return lines;
  }
}
