import { load } from 'js-yaml';

/** Reads the class-tag vocabulary (`data/classes.yaml`): tag → one-line meaning. */
export function parseClasses(text: string): Record<string, string> {
  const doc = load(text) as { tags?: Record<string, unknown> } | undefined;
  const tags = doc?.tags;
  if (!tags || typeof tags !== 'object') throw new Error('classes.yaml: needs a "tags:" map');
  const out: Record<string, string> = {};
  for (const [tag, meaning] of Object.entries(tags)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag) || typeof meaning !== 'string') {
      throw new Error(`classes.yaml: tags.${tag}: needs a lower-case tag and a one-line meaning`);
    }
    out[tag] = meaning;
  }
  return out;
}
