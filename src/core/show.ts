import type { Origin } from './catalog.js';
import type { Block, DrugRecord, Monograph } from './monograph.js';
import { sideEffectsReport, type SideEffectsReport } from './side-effects.js';
import { numberedSources, type NumberedSource } from './sources.js';

/** What `show` prints as text: the monograph, its parsed sections, and the figures and sources laid out for the page. */
export interface ShowReport {
  monograph: Monograph;
  blocks: Block[][];
  /** Only this section, when --section picked one. */
  section?: number;
  /** The side-effect figures, highest first, as `side-effects` shows them. */
  side_effects: SideEffectsReport;
  /** Every source, numbered: the figures, studies and interactions cite them by number. */
  sources: NumberedSource[];
  /** Where this copy of the drug comes from (originOf). */
  origin?: Origin;
}

export function showReport(record: DrugRecord, section?: number, origin?: Origin): ShowReport {
  const { monograph, blocks } = record;
  return {
    monograph,
    blocks,
    ...(section === undefined ? {} : { section }),
    side_effects: sideEffectsReport(monograph, { sort: 'percent' }),
    sources: numberedSources(monograph),
    ...(origin ? { origin } : {}),
  };
}
