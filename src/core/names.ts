/**
 * The key a drug name is looked up by: lower case, accents removed, runs of
 * spaces, hyphens and underscores folded to one space. "Lioresal", "LIORÉSAL"
 * and " lioresal " all give "lioresal".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * The names a `look_alikes` entry stands for: the entry, and a brand and the
 * generic it names in parentheses each alone ("Reminyl (galantamine)" is also
 * "Reminyl" and "galantamine").
 */
export function lookAlikeNames(entry: string): string[] {
  const parts = entry.split(/[()]/).map((part) => part.trim()).filter(Boolean);
  return parts.length > 1 ? [entry, ...parts] : [entry];
}

/** Every name a drug answers to: its name, slug, brands and aliases. */
export function namesOf(drug: { name: string; slug: string; brands: string[]; aliases: string[] }): string[] {
  return [drug.name, drug.slug, ...drug.brands, ...drug.aliases];
}
