import { LOOK_ALIKE_FIELD } from '../library/library-format.js';
import { drugCount, hasName, recordOf, type Catalog } from './catalog.js';
import { NotFoundError } from './errors.js';
import type { DrugRecord, Monograph } from './monograph.js';
import { lookAlikeNames, nameKey } from './names.js';
import { searchCatalog } from './search.js';
import { classifyName, nameCandidates, type NameCandidate, type NameRelation } from './suggest.js';

const MAX_SUGGESTIONS = 3;
const MAX_NOTES = 3;
// A miss looks at this many search results (a search ranks typo matches and single words of a phrase
// among them), and names this many of those whose text really has the word.
const SEARCH_LOOK = 50;
const MAX_SEARCH_NAMES = 5;
// Below this many letters a word found in the text must be the whole word, not the start of one.
const MIN_PREFIX = 4;

/** What a miss shows: likely meanings (`did you mean`), and near names that are other drugs. */
export interface MissReport {
  likely: Array<{ slug: string; label: string }>;
  different: Array<{ slug: string; label: string; why: string }>;
}

/**
 * The error for a name that resolves to no drug. A name within a typo of a
 * drug's name, brand or alias gets "did you mean", each shown as the drug
 * writes it ("Toprol-XL (Metoprolol)"). Nothing further off is offered as a
 * meaning: the error says the library has no monograph for the name and how
 * many drugs it has, names the near drugs that are different drugs (one that
 * lists the name as a look-alike, one whose name only starts the same or
 * contains it), and the drugs whose text really mentions the name.
 */
export function notFound(catalog: Catalog, query: string): NotFoundError {
  const key = nameKey(query);
  if (!key) return new NotFoundError(`no drug named "${query}"`, ['try: medinfo search <words>']);
  const { likely, different } = missReport(catalog, key, query.trim());
  const notes = different.map((drug) => `note: ${drug.label} is a different drug (${drug.why})`);
  let error: NotFoundError;
  if (likely.length > 0) {
    error = new NotFoundError(`no drug named "${query}"`, [`did you mean: ${likely.map((drug) => drug.label).join(', ')}?`, ...notes]);
    error.nearLines.push(...error.details);
  } else {
    const count = drugCount(catalog);
    const found = mentions(catalog, query, key, new Set(different.map((drug) => drug.slug)));
    const hint = found.length > 0 ? `search finds: ${found.join(', ')} (medinfo search ${shellWord(query.trim())})` : 'try: medinfo list, or medinfo search <words>';
    error = new NotFoundError(`medinfo has no monograph for "${query}" (${count} ${count === 1 ? 'drug' : 'drugs'} in the library)`, [...notes, hint]);
    error.nearLines.push(...notes);
  }
  error.suggestions.push(...likely.map((drug) => drug.slug));
  error.differentDrugs.push(...different.map((drug) => drug.slug));
  return error;
}

/**
 * The likely meanings of `key` (at most three, best first) and the near
 * drugs that are different drugs (at most three; beside a likely meaning,
 * only known look-alikes). Only the drugs shown are read from the library.
 */
export function missReport(catalog: Catalog, key: string, typed: string): MissReport {
  const bySlug = new Map<string, NameCandidate[]>();
  for (const candidate of nameCandidates(catalog, key)) {
    const list = bySlug.get(candidate.slug) ?? [];
    list.push(candidate);
    bySlug.set(candidate.slug, list);
  }
  // Labels are made, and records read, only for the entries shown.
  type Entry = { slug: string; rank: number[]; label: (name: string) => string; why?: () => string; lookAlike?: true };
  const likely: Entry[] = [];
  const different: Entry[] = [];
  for (const [slug, candidates] of bySlug) {
    // A look-alike name that is itself a drug of the catalog is that drug's own candidate.
    const lookAlike = best(candidates.filter((c) => c.field === LOOK_ALIKE_FIELD && c.relation === 'typo' && !hasName(catalog, c.phrase)));
    const meaning = best(candidates.filter((c) => c.field !== LOOK_ALIKE_FIELD && isMeaning(c.relation)));
    const other = best(candidates.filter((c) => c.field !== LOOK_ALIKE_FIELD && !isMeaning(c.relation)));
    if (lookAlike) {
      different.push({ slug, rank: [0, lookAlike.distance], label: (name) => name, why: () => `often confused with ${writtenForm(lookAlike)}`, lookAlike: true });
    } else if (meaning) {
      // A name followed by more words comes after the names that were typed near in full.
      const rank = [meaning.relation === 'longer' ? 1 : 0, meaning.distance, meaning.relation === 'typo' ? 0 : 1, meaning.field];
      // The drug's own name when it too is a meaning of what was typed (not the salt that came near).
      likely.push({ slug, rank, label: (name) => (isMeaning(classifyName(key, nameKey(name))?.relation) ? name : labelOf(name, meaning)) });
    } else if (other?.relation === 'part') {
      different.push({ slug, rank: [1, other.distance], label: (name) => labelOf(name, other), why: () => `its name only ends like "${typed}"` });
    } else if (other) {
      different.push({ slug, rank: [2, other.distance], label: (name) => labelOf(name, other), why: () => `its name only starts like "${typed}"` });
    }
  }
  // A drug that was not offered as a meaning is worth a word only when nothing was, or when it is a known look-alike.
  const noted = likely.length === 0 ? different : different.filter((entry) => entry.lookAlike);
  const shown = (entries: Entry[], limit: number) =>
    entries
      .sort((a, b) => compareRanks(a.rank, b.rank) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .slice(0, limit)
      .map((entry) => ({ slug: entry.slug, label: entry.label(recordOf(catalog, entry.slug).monograph.name), why: entry.why?.() ?? '' }));
  return { likely: shown(likely, MAX_SUGGESTIONS).map(({ slug, label }) => ({ slug, label })), different: shown(noted, MAX_NOTES) };
}

function isMeaning(relation: NameRelation | undefined): boolean {
  return relation === 'typo' || relation === 'completion' || relation === 'longer';
}

const RELATIONS: readonly NameRelation[] = ['typo', 'completion', 'longer', 'part', 'start'];

/** The candidate a drug is shown by: its name before a brand before an alias, then the nearest. */
function best(candidates: NameCandidate[]): NameCandidate | undefined {
  return candidates.sort(
    (a, b) =>
      a.field - b.field ||
      a.distance - b.distance ||
      RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation) ||
      (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0),
  )[0];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A drug as a miss shows it: its name, or the brand or alias that came near and then its name. */
function labelOf(name: string, candidate: NameCandidate | undefined): string {
  if (!candidate || candidate.field === 0) return name;
  const written = writtenForm(candidate);
  return nameKey(written) === nameKey(name) ? name : `${written} (${name})`;
}

/**
 * A phrase of the names index as the monograph it came from writes it
 * ("toprol xl" → "Toprol-XL"; "reminyl" → the look-alike entry "Reminyl (galantamine)").
 */
function writtenForm(candidate: NameCandidate): string {
  const { monograph } = candidate.library.record(candidate.slug);
  const is = (name: string) => nameKey(name) === candidate.phrase;
  if (candidate.field === LOOK_ALIKE_FIELD) return monograph.look_alikes.find((entry) => lookAlikeNames(entry).some(is)) ?? candidate.phrase;
  const pool = [[monograph.name, monograph.slug], monograph.brands, monograph.aliases][candidate.field] ?? [];
  return pool.find(is) ?? candidate.phrase;
}

/** The names of the drugs (not in `skip`) whose names, uses, classes, side effects or text mention `key` as a word. */
function mentions(catalog: Catalog, query: string, key: string, skip: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const hit of searchCatalog(catalog, query, SEARCH_LOOK)) {
    if (skip.has(hit.slug)) continue;
    const record = recordOf(catalog, hit.slug);
    if (mentionsWord(record, key)) names.push(record.monograph.name);
    // One more than is shown is enough to know the list goes on.
    if (names.length > MAX_SEARCH_NAMES) break;
  }
  return names.length > MAX_SEARCH_NAMES ? [...names.slice(0, MAX_SEARCH_NAMES), '…'] : names;
}

function mentionsWord({ monograph }: DrugRecord, key: string): boolean {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}${key.length < MIN_PREFIX ? '(?![\\p{L}\\p{N}])' : ''}`, 'u');
  return word.test(nameKey(textOf(monograph)));
}

function textOf(monograph: Monograph): string {
  return [monograph.name, ...monograph.brands, ...monograph.aliases, ...monograph.uses, ...monograph.classes, ...monograph.side_effects.map((row) => row.effect), ...monograph.sections.flatMap((s) => [s.title, s.markdown])].join('\n');
}

/** A word as it would be typed in a shell: quoted when it is more than letters, digits and hyphens. */
function shellWord(text: string): string {
  return /^[\p{L}\p{N}._-]+$/u.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}
