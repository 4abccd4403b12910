import type { Interaction } from '../core/monograph.js';
import type { NumberedSource } from '../core/sources.js';
import type { Output } from '../io/output.js';
import { sourceRef } from './sources.js';
import { renderTable } from './table.js';

/** A monograph's own interaction list: with what, how bad, what happens, and the source. */
export function renderInteractions(interactions: readonly Interaction[], sources: readonly NumberedSource[], output: Output): string[] {
  return renderTable(
    [
      { title: 'With' },
      { title: 'Severity', paint: output.style.yellow, wrap: false },
      { title: 'Effect' },
      { title: 'Source' },
    ],
    interactions.map((row) => [row.with, row.severity, row.management ? `${row.effect} What to do: ${row.management}` : row.effect, sourceRef(sources, row.source)]),
    output,
  ).split('\n');
}
