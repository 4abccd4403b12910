import type { Monograph, Source } from './monograph.js';

/** A source with the number text output cites it by: its place in the monograph's list, from 1. */
export type NumberedSource = Source & { number: number };

/**
 * The monograph's sources, numbered in its order. With `rows`, only the
 * sources those rows cite, still numbered as in the whole monograph, so "[2]"
 * means the same source in `show` and in `side-effects`.
 */
export function numberedSources(monograph: Monograph, rows?: readonly { source: string }[]): NumberedSource[] {
  const cited = rows && new Set(rows.map((row) => row.source));
  const numbered: NumberedSource[] = [];
  monograph.sources.forEach((source, i) => {
    if (!cited || cited.has(source.id)) numbered.push({ ...source, number: i + 1 });
  });
  return numbered;
}
