import { load } from 'js-yaml';

/** The class tags, and the tags marked for duplicate-therapy checks (tag → why), from `data/classes.yaml`. */
export function parseVocabulary(text: string): { classes: Record<string, string>; duplicateTherapy: Record<string, string> } {
  const doc = load(text) as { tags?: Record<string, unknown>; duplicate_therapy?: Record<string, unknown> } | undefined;
  const tags = doc?.tags;
  if (!tags || typeof tags !== 'object') throw new Error('classes.yaml: needs a "tags:" map');
  const out: Record<string, string> = {};
  for (const [tag, meaning] of Object.entries(tags)) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag) || typeof meaning !== 'string') {
      throw new Error(`classes.yaml: tags.${tag}: needs a lower-case tag and a one-line meaning`);
    }
    out[tag] = meaning;
  }
  const duplicateTherapy: Record<string, string> = {};
  for (const [tag, why] of Object.entries(doc?.duplicate_therapy ?? {})) {
    if (!Object.hasOwn(out, tag) || typeof why !== 'string') throw new Error(`classes.yaml: duplicate_therapy.${tag}: needs a tag from tags: and a one-line reason`);
    duplicateTherapy[tag] = why;
  }
  return { classes: out, duplicateTherapy };
}
