import type { Monograph } from '../core/monograph.js';
import type { Output } from '../io/output.js';
import { sourceRef } from './sources.js';
import { renderTable } from './table.js';

/** The monograph's own interaction list: with what, how bad, what happens, and the source. */
export function renderInteractions(monograph: Monograph, output: Output): string[] {
  const effectWidth = Math.max(20, output.width - 20 - 17 - 13 - 5);
  return renderTable(
    [
      { title: 'With', width: 20 },
      { title: 'Severity', width: 17, paint: output.style.yellow },
      { title: 'Effect', width: effectWidth },
      { title: 'Source', width: 13 },
    ],
    monograph.interactions.map((row) => [row.with, row.severity, row.management ? `${row.effect} What to do: ${row.management}` : row.effect, sourceRef(monograph, row.source)]),
    output,
  ).split('\n');
}
