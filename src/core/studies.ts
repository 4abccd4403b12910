import type { Origin } from './catalog.js';
import type { Monograph, Study } from './monograph.js';
import { numberedSources, type NumberedSource } from './sources.js';

/** What `studies` shows, as data: the JSON output, and the text renderer's input. */
export interface StudiesReport {
  slug: string;
  name: string;
  studies: Study[];
  /** Only the sources the studies cite, numbered as in the whole monograph. */
  sources: NumberedSource[];
  /** Where this copy of the drug comes from (originOf). */
  origin?: Origin;
}

export function studiesReport(monograph: Monograph, origin?: Origin): StudiesReport {
  return { slug: monograph.slug, name: monograph.name, studies: monograph.studies, sources: numberedSources(monograph, monograph.studies), ...(origin ? { origin } : {}) };
}
