import type { Monograph, Source, Study } from './monograph.js';
import { citedSources } from './side-effects.js';

/** What `studies` shows, as data: the JSON output, and the text renderer's input. */
export interface StudiesReport {
  slug: string;
  name: string;
  studies: Study[];
  /** Only the sources the studies cite. */
  sources: Source[];
}

export function studiesReport(monograph: Monograph): StudiesReport {
  return { slug: monograph.slug, name: monograph.name, studies: monograph.studies, sources: citedSources(monograph, monograph.studies) };
}
