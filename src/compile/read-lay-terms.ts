import { load } from 'js-yaml';
import { layKey, type LayMeaning, type LayTerms } from '../core/lay-terms.js';
import { nameKey } from '../core/names.js';

const FIELDS = ['also', 'classes', 'uses', 'effects'] as const;

/**
 * Reads the lay vocabulary (`data/lay-terms.yaml`): lay word → the classes,
 * uses and effects it means. Every class must be a tag of `classes`, every
 * effect a term of `effectTerms`, and each word (or its plural) is said once,
 * and not by the side-effect vocabulary or as a class tag, which search finds as they are.
 */
export function parseLayTerms(text: string, classes: Record<string, string>, effectTerms: Record<string, string[]>): LayTerms {
  const doc = load(text) as { terms?: Record<string, unknown> } | undefined;
  if (!doc?.terms || typeof doc.terms !== 'object') throw new Error('lay-terms.yaml: needs a "terms:" map');
  const taken = new Map<string, string>();
  for (const [term, synonyms] of Object.entries(effectTerms)) for (const word of [term, ...synonyms]) taken.set(layKey(word), `the side effect "${term}" (effect-terms.yaml)`);
  for (const tag of Object.keys(classes)) taken.set(layKey(tag), `the class tag ${tag}`);
  const terms: Record<string, LayMeaning> = {};
  for (const [term, value] of Object.entries(doc.terms)) {
    const where = `lay-terms.yaml: terms.${term}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: needs classes:, uses: or effects:`);
    const entry = value as Record<string, unknown>;
    const meaning: LayMeaning = {};
    for (const [field, list] of Object.entries(entry)) {
      if (!(FIELDS as readonly string[]).includes(field)) throw new Error(`${where}: unknown field "${field}" (${FIELDS.join(', ')})`);
      if (!Array.isArray(list) || list.length === 0 || !list.every((word) => typeof word === 'string' && nameKey(word))) {
        throw new Error(`${where}.${field}: needs a list of words`);
      }
      meaning[field as (typeof FIELDS)[number]] = list as string[];
    }
    if (!meaning.classes && !meaning.uses && !meaning.effects) throw new Error(`${where}: needs classes:, uses: or effects:`);
    for (const tag of meaning.classes ?? []) if (!Object.hasOwn(classes, tag)) throw new Error(`${where}.classes: "${tag}" is not a tag in classes.yaml`);
    for (const effect of meaning.effects ?? []) if (!Object.hasOwn(effectTerms, effect)) throw new Error(`${where}.effects: "${effect}" is not a term in effect-terms.yaml`);
    for (const word of [term, ...(meaning.also ?? [])]) {
      const key = layKey(word);
      if (!key) throw new Error(`${where}: "${word}" has no word search could look for`);
      if (taken.has(key)) throw new Error(`${where}: "${word}" is already ${taken.get(key)}`);
      taken.set(key, `a word for "${term}"`);
    }
    terms[term] = meaning;
  }
  return terms;
}
