import type { Origin } from './catalog.js';
import type { Monograph, PercentValue, SideEffect } from './monograph.js';
import { numberedSources, type NumberedSource } from './sources.js';

export type SideEffectSort = 'percent' | 'name';

/** The highest figure a row gives: the top of a range, or the single value. */
export function topPercent(value: PercentValue | undefined): number {
  if (value === undefined) return -1;
  return typeof value === 'number' ? value : value[1];
}

/**
 * Splits side effects into rows with a figure (filtered by `min`, sorted) and
 * rows with only a frequency word. Rows of the same effect stay next to each
 * other under `percent` sorting, so disagreeing sources are read side by side.
 */
export function selectSideEffects(
  rows: readonly SideEffect[],
  options: { min?: number; sort: SideEffectSort },
): { measured: SideEffect[]; unmeasured: SideEffect[] } {
  const min = options.min ?? 0;
  const measured = rows.filter((row) => row.percent !== undefined && topPercent(row.percent) >= min);
  const unmeasured = options.min === undefined ? rows.filter((row) => row.percent === undefined) : [];
  const byName = (a: SideEffect, b: SideEffect) => (a.effect < b.effect ? -1 : a.effect > b.effect ? 1 : 0);
  if (options.sort === 'name') {
    measured.sort((a, b) => byName(a, b) || topPercent(b.percent) - topPercent(a.percent));
  } else {
    const best = new Map<string, number>();
    for (const row of measured) best.set(row.effect, Math.max(best.get(row.effect) ?? -1, topPercent(row.percent)));
    measured.sort(
      (a, b) => best.get(b.effect)! - best.get(a.effect)! || byName(a, b) || topPercent(b.percent) - topPercent(a.percent),
    );
  }
  unmeasured.sort(byName);
  return { measured, unmeasured };
}

/** A figure's two ends: a single value is both; no figure is null. */
export interface Bounds {
  percent_low: number | null;
  percent_high: number | null;
  placebo_low: number | null;
  placebo_high: number | null;
}

/**
 * The row with its figures also as plain numbers, so a program (jq) reads
 * every row the same way whether `percent` is 5, [5, 15] or absent.
 */
export function withBounds<R extends { percent?: PercentValue; placebo_percent?: PercentValue }>(row: R): R & Bounds {
  const low = (value: PercentValue | undefined) => (value === undefined ? null : typeof value === 'number' ? value : value[0]);
  const high = (value: PercentValue | undefined) => (value === undefined ? null : typeof value === 'number' ? value : value[1]);
  return { ...row, percent_low: low(row.percent), percent_high: high(row.percent), placebo_low: low(row.placebo_percent), placebo_high: high(row.placebo_percent) };
}

/** What `side-effects` shows, as data: the JSON output, and the text renderer's input. */
export interface SideEffectsReport {
  slug: string;
  name: string;
  side_effects: SideEffect[];
  /** Only the sources the rows cite, numbered as in the whole monograph. */
  sources: NumberedSource[];
  /** What the sources hold that the monograph leaves out (see the monograph's `gaps`). */
  gaps?: string[];
  /** The --min the rows were filtered by, when one was given. */
  min?: number;
  /** Where this copy of the drug comes from (originOf); left out where no one asks (show's figures). */
  origin?: Origin;
}

/** The drug's side effects after --min and --sort: figures first, then effects with only a frequency word. */
export function sideEffectsReport(monograph: Monograph, options: { min?: number; sort: SideEffectSort }, origin?: Origin): SideEffectsReport {
  const { measured, unmeasured } = selectSideEffects(monograph.side_effects, options);
  const rows = [...measured, ...unmeasured];
  return {
    slug: monograph.slug,
    name: monograph.name,
    side_effects: rows,
    sources: numberedSources(monograph, rows),
    ...(monograph.gaps ? { gaps: monograph.gaps } : {}),
    ...(options.min === undefined ? {} : { min: options.min }),
    ...(origin ? { origin } : {}),
  };
}
