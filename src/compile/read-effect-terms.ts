import { load } from 'js-yaml';
import { nameKey } from '../core/names.js';

/** Reads the side-effect vocabulary (`data/effect-terms.yaml`): shown term → its synonyms, each word used once. */
export function parseEffectTerms(text: string): Record<string, string[]> {
  const doc = load(text) as { terms?: Record<string, unknown> } | undefined;
  if (!doc?.terms || typeof doc.terms !== 'object') throw new Error('effect-terms.yaml: needs a "terms:" map');
  const terms: Record<string, string[]> = {};
  const owner = new Map<string, string>();
  for (const [term, synonyms] of Object.entries(doc.terms)) {
    if (!Array.isArray(synonyms) || !synonyms.every((word) => typeof word === 'string' && word.trim())) {
      throw new Error(`effect-terms.yaml: terms.${term}: needs a list of synonyms ([] for none)`);
    }
    for (const word of [term, ...synonyms]) {
      const key = nameKey(word);
      if (owner.has(key)) throw new Error(`effect-terms.yaml: "${word}" is already a word for ${owner.get(key)}`);
      owner.set(key, term);
    }
    terms[term] = synonyms as string[];
  }
  return terms;
}
