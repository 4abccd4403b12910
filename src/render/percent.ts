import type { PercentValue } from '../core/monograph.js';

/** 30 → "30%", [10, 63] → "10–63%", 0.5 → "0.5%". */
export function formatPercent(value: PercentValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? `${value}%` : `${value[0]}–${value[1]}%`;
}

/** The control arm's figure: "36%" for placebo, "3.09% (warfarin)" for an active comparator. */
export function formatControl(row: { placebo_percent?: PercentValue; comparator?: string }): string {
  const figure = formatPercent(row.placebo_percent);
  return figure && row.comparator ? `${figure} (${row.comparator})` : figure;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A horizontal bar for 0–100 in block characters, `width` cells for 100%.
 * A range is solid up to its low end and shaded up to its high end.
 */
export function percentBar(value: PercentValue, width = 20): string {
  const [low, high] = typeof value === 'number' ? [value, value] : value;
  const solid = (low / 100) * width;
  const full = Math.floor(solid);
  const partial = EIGHTHS[Math.round((solid - full) * 8) % 8] ?? '';
  let bar = '█'.repeat(full) + (Math.round((solid - full) * 8) === 8 ? '█' : partial);
  const shadedEnd = Math.round((high / 100) * width);
  const used = full + (partial || Math.round((solid - full) * 8) === 8 ? 1 : 0);
  if (shadedEnd > used) bar += '░'.repeat(shadedEnd - used);
  return bar;
}
