import type { Interaction } from '../core/monograph.js';
import type { NumberedSource } from '../core/sources.js';
import type { Output } from '../io/output.js';
import { sourceRef } from './sources.js';
import { renderTable } from './table.js';

/** A monograph's own interaction list: with what, how bad, what happens, and the source. */
export function renderInteractions(interactions: readonly Interaction[], sources: readonly NumberedSource[], output: Output): string[] {
  const effectWidth = Math.max(20, output.width - 20 - 17 - 13 - 5);
  return renderTable(
    [
      { title: 'With', width: 20 },
      { title: 'Severity', width: 17, paint: output.style.yellow },
      { title: 'Effect', width: effectWidth },
      { title: 'Source', width: 13 },
    ],
    interactions.map((row) => [row.with, row.severity, row.management ? `${row.effect} What to do: ${row.management}` : row.effect, sourceRef(sources, row.source)]),
    output,
  ).split('\n');
}
