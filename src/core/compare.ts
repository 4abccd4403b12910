import { effectsNamed, termFor, type EffectTerms } from './effects.js';
import { checkInteractions, type InteractionsReport } from './interactions.js';
import type { Monograph, PercentValue, SideEffect } from './monograph.js';
import { nameKey } from './names.js';
import { topPercent } from './side-effects.js';
import { FREQUENCY_WORDS } from './vocabulary.js';

/** What one drug's sources say of one effect: its highest figure (placebo beside it), or a frequency word. */
export interface CompareCell {
  percent?: PercentValue;
  placebo_percent?: PercentValue;
  comparator?: string;
  frequency?: SideEffect['frequency'];
  /** How many of the drug's rows name the effect (different trials, doses or sources). */
  rows: number;
  source: string;
}

export interface CompareReport {
  drugs: Array<{ slug: string; name: string; classes: string[]; uses: string[]; rx: string }>;
  /** One row per effect, matched across drugs by the vocabulary; a `null` cell: the drug's sources do not list it. */
  side_effects: Array<{ effect: string; cells: Array<CompareCell | null> }>;
  interactions: InteractionsReport;
}

const rank = (cell: CompareCell) => (cell.percent !== undefined ? 1000 + topPercent(cell.percent) : FREQUENCY_WORDS.length - FREQUENCY_WORDS.indexOf(cell.frequency!));

/**
 * Sets drugs side by side: their facts, a side-effect matrix in which an
 * effect is one row whatever word each label uses for it, and the
 * interactions among them. Effects are ordered by their highest figure.
 */
export function compareDrugs(monographs: readonly Monograph[], terms: EffectTerms, duplicateClasses: Readonly<Record<string, string>>): CompareReport {
  const matrix = new Map<string, Array<CompareCell | null>>();
  monographs.forEach((monograph, column) => {
    for (const row of monograph.side_effects) {
      for (const named of new Set(effectsNamed(row.effect).map((piece) => termFor(terms, piece) ?? piece))) {
        const cells = matrix.get(named) ?? monographs.map(() => null);
        matrix.set(named, cells);
        const cell: CompareCell = { ...pick(row), rows: 1, source: row.source };
        const current = cells[column];
        if (!current) cells[column] = cell;
        else cells[column] = rank(cell) > rank(current) ? { ...cell, rows: current.rows + 1 } : { ...current, rows: current.rows + 1 };
      }
    }
  });
  const best = (cells: Array<CompareCell | null>) => Math.max(...cells.map((cell) => (cell ? rank(cell) : -1)));
  const side_effects = [...matrix]
    .map(([effect, cells]) => ({ effect, cells }))
    .sort((a, b) => best(b.cells) - best(a.cells) || (nameKey(a.effect) < nameKey(b.effect) ? -1 : 1));
  return {
    drugs: monographs.map(({ slug, name, classes, uses, rx }) => ({ slug, name, classes, uses, rx })),
    side_effects,
    interactions: checkInteractions(monographs.map((monograph) => ({ monograph })), duplicateClasses),
  };
}

function pick(row: SideEffect): Pick<CompareCell, 'percent' | 'placebo_percent' | 'comparator' | 'frequency'> {
  return {
    ...(row.percent !== undefined ? { percent: row.percent } : {}),
    ...(row.placebo_percent !== undefined ? { placebo_percent: row.placebo_percent } : {}),
    ...(row.comparator !== undefined ? { comparator: row.comparator } : {}),
    ...(row.frequency !== undefined ? { frequency: row.frequency } : {}),
  };
}
