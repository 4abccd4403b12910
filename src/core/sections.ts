import type FuseConstructor from 'fuse.js';
import { NotFoundError } from './errors.js';
import type { Monograph, Section } from './monograph.js';
import { nameKey } from './names.js';

/** The sections most monographs have, in their usual order (docs/monograph-format.md). */
export const USUAL_SECTIONS = ['Overview', 'How it works', 'Uses', 'Dosing', 'Side effects', 'Warnings', 'Interactions', 'Pregnancy and breastfeeding'] as const;

/**
 * Picks a section by (part of) its title: exact, then a title that starts with
 * the words, then a typo-tolerant match. `side` finds "Side effects".
 * Throws NotFoundError listing the sections there are.
 */
export function findSection(monograph: Monograph, wanted: string): number {
  const titles = monograph.sections.map((section) => nameKey(section.title));
  const key = nameKey(wanted);
  let index = titles.indexOf(key);
  if (index === -1) index = titles.findIndex((title) => title.startsWith(key));
  if (index === -1) index = titles.findIndex((title) => title.split(' ').some((word) => word.startsWith(key)));
  if (index === -1 && key) {
    const Fuse = require('fuse.js/basic') as typeof FuseConstructor;
    const best = new Fuse(titles, { includeScore: true, threshold: 0.4, ignoreLocation: true }).search(key)[0];
    if (best) index = best.refIndex;
  }
  if (index === -1) {
    throw new NotFoundError(`${monograph.name} has no section "${wanted}"`, [
      `sections: ${monograph.sections.map((section) => section.title).join(', ')}`,
    ]);
  }
  return index;
}

/** `show --section --json`: one section, with the drug it belongs to. */
export function sectionReport(monograph: Monograph, index: number): { slug: string; name: string; section: Section } {
  return { slug: monograph.slug, name: monograph.name, section: monograph.sections[index]! };
}
