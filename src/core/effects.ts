import { isReplaced, type Catalog } from './catalog.js';
import { closeness } from './closeness.js';
import type { EffectIndexRow } from '../library/library-format.js';
import type { Monograph, PercentValue, SideEffect, Source } from './monograph.js';
import { nameKey } from './names.js';
import { topPercent, withBounds, type Bounds } from './side-effects.js';
import { FREQUENCY_WORDS } from './vocabulary.js';

/** The side-effect vocabulary: shown term → the words that mean the same (data/effect-terms.yaml). */
export type EffectTerms = Readonly<Record<string, readonly string[]>>;

const MIN_CLOSENESS = 0.75;

/**
 * The effects a row names, as name keys: "Somnolence or sedation" names
 * somnolence and sedation, "asthenia (weakness, fatigue)" names all three.
 * "Stopping because of somnolence" names only itself: a figure about
 * stopping treatment is not a figure about the effect.
 */
export function effectsNamed(effect: string): string[] {
  return nameKey(effect)
    .split(/,|;|\/|\(|\)|\bor\b|\band\b/)
    .map((piece) => piece.trim())
    .filter(Boolean);
}

const termsByKey = new WeakMap<EffectTerms, Map<string, string>>();

/** The shown term for a word, if the vocabulary knows it: "somnolence" → "drowsiness". */
export function termFor(terms: EffectTerms, word: string): string | undefined {
  // compare asks for every row of every drug: the vocabulary's keys are worked out once.
  let byKey = termsByKey.get(terms);
  if (!byKey) {
    byKey = new Map();
    for (const [term, synonyms] of Object.entries(terms)) for (const written of [term, ...synonyms]) byKey.set(nameKey(written), term);
    termsByKey.set(terms, byKey);
  }
  return byKey.get(nameKey(word));
}

/** Every word that means `term`, as written: the term and its synonyms (or just the word, outside the vocabulary). */
export function wordsFor(terms: EffectTerms, term: string): string[] {
  return [term, ...(terms[term] ?? [])];
}

/** The vocabulary entry closest to a word the vocabulary does not know, for a typo: "drowsyness" → "drowsiness". */
export function nearestTerm(terms: EffectTerms, word: string): string | undefined {
  const key = nameKey(word);
  let best: { term: string; score: number } | undefined;
  for (const [term, synonyms] of Object.entries(terms)) {
    for (const candidate of [term, ...synonyms]) {
      const score = closeness(key, nameKey(candidate), MIN_CLOSENESS);
      if (score >= MIN_CLOSENESS && (!best || score > best.score)) best = { term, score };
    }
  }
  return best?.term;
}

/** One drug's row for the effect, with its source spelled out. */
export interface EffectRow {
  slug: string;
  name: string;
  effect: string;
  percent?: PercentValue;
  placebo_percent?: PercentValue;
  comparator?: string;
  frequency?: SideEffect['frequency'];
  participants?: number;
  note?: string;
  source: Source;
}

export interface EffectReport {
  /** The term searched for, as the vocabulary shows it. */
  term: string;
  /** Every word that counted as the term. */
  matched_words: string[];
  /** The drugs looked through (all of the library's, or those given with --among), by slug. */
  among?: string[];
  /** Drugs with at least one row, ranked by their highest figure. */
  drugs: Array<{ slug: string; name: string; rows: EffectRow[] }>;
  /** Drugs of --among that do not list the effect. */
  not_listed?: string[];
}

/**
 * The rows of the catalog's drugs that name one of `words`, found through each
 * library's effect index, a drug a library earlier in the catalog also holds
 * answered from there, and a row named under two of the words counted once.
 */
export function rowsNaming(catalog: Catalog, words: readonly string[]): EffectIndexRow[] {
  const keys = [...new Set(words.map(nameKey))];
  const found: EffectIndexRow[] = [];
  catalog.forEach((library, rank) => {
    const lists = keys.map((key) => library.effectRows(key)).filter((rows) => rows.length > 0);
    // The first library's rows under one word: no library before it to answer them, no second word
    // to name them twice. Checking each anyway was most of the work at 10,000 drugs.
    if (rank === 0 && lists.length === 1) {
      for (const row of lists[0]!) found.push(row);
      return;
    }
    const replaced = new Map<string, boolean>();
    const answeredEarlier = (slug: string) => {
      if (!replaced.has(slug)) replaced.set(slug, rank > 0 && isReplaced(catalog, rank, slug));
      return replaced.get(slug)!;
    };
    // A row can be named under two words only when two words have rows.
    const seen = lists.length > 1 ? new Set<string>() : undefined;
    for (const rows of lists) {
      for (const row of rows) {
        if (answeredEarlier(row.slug)) continue;
        if (seen) {
          const id = `${row.slug}\t${row.at}`;
          if (seen.has(id)) continue;
          seen.add(id);
        }
        found.push(row);
      }
    }
  });
  return found;
}

/** The drugs of the catalog that list the effect, with their rows, as effectReport takes them. */
export function listingsOf(catalog: Catalog, words: readonly string[]): Array<{ slug: string; name: string; rows: EffectIndexRow[] }> {
  const bySlug = new Map<string, { slug: string; name: string; rows: EffectIndexRow[] }>();
  for (const row of rowsNaming(catalog, words)) {
    const drug = bySlug.get(row.slug) ?? { slug: row.slug, name: row.name, rows: [] };
    drug.rows.push(row);
    bySlug.set(row.slug, drug);
  }
  return [...bySlug.values()];
}

/**
 * Which drugs list the effect, each drug's rows for it sorted by figure,
 * drugs ranked by their highest figure (rows with only a frequency word after
 * those with one, then by slug). `min` keeps rows with at least that percent,
 * and drops frequency-word rows. Drugs come as monographs (--among) or as the
 * effect index's rows (the whole catalog).
 */
export function effectReport(
  term: string,
  words: readonly string[],
  drugsOrListings: ReadonlyArray<Monograph | { slug: string; name: string; rows: EffectIndexRow[] }>,
  options: { min?: number; among?: string[] },
): EffectReport {
  const keys = words.map(nameKey);
  const drugs: EffectReport['drugs'] = [];
  for (const drug of drugsOrListings) {
    // The effect index's rows were found under the words already; a monograph's rows are matched here.
    const candidates: EffectIndexRow[] =
      'rows' in drug
        ? drug.rows
        : drug.side_effects
            .map((row, at) => ({ slug: drug.slug, name: drug.name, at, row, source: drug.sources.find((candidate) => candidate.id === row.source)! }))
            .filter(({ row }) => effectsNamed(row.effect).some((named) => keys.includes(named)));
    const rows: EffectRow[] = [];
    for (const { slug, name, row, source } of candidates.length > 1 ? [...candidates].sort((a, b) => a.at - b.at) : candidates) {
      if (options.min !== undefined && topPercent(row.percent) < options.min) continue;
      const { effect, percent, placebo_percent, comparator, frequency, participants, note } = row;
      // Two literals rather than a spread: a temporary object per row, for thousands of rows.
      rows.push(
        comparator === undefined
          ? { slug, name, effect, percent, placebo_percent, frequency, participants, note, source }
          : { slug, name, effect, percent, placebo_percent, comparator, frequency, participants, note, source },
      );
    }
    if (rows.length === 0) continue;
    if (rows.length > 1) rows.sort(byFigure);
    drugs.push({ slug: drug.slug, name: drug.name, rows });
  }
  drugs.sort((a, b) => byFigure(a.rows[0]!, b.rows[0]!) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  if (!options.among) return { term, matched_words: [...words], drugs };
  const listed = new Set(drugs.map((drug) => drug.slug));
  return { term, matched_words: [...words], among: options.among, not_listed: options.among.filter((slug) => !listed.has(slug)), drugs };
}

/** The order of rows in a report: highest figure first, then rows with only a frequency word, commonest first. */
export function byFigure(a: Pick<SideEffect, 'percent' | 'frequency'>, b: Pick<SideEffect, 'percent' | 'frequency'>): number {
  return topPercent(b.percent) - topPercent(a.percent) || wordRank(a) - wordRank(b);
}

function wordRank(row: Pick<SideEffect, 'frequency'>): number {
  return row.frequency ? FREQUENCY_WORDS.indexOf(row.frequency) : FREQUENCY_WORDS.length;
}

/**
 * The side-effects report with each row's effects in the vocabulary's words
 * (`terms`), so rows that labels word differently ("somnolence", "drowsiness")
 * can be matched across drugs by a script.
 */
export function withTerms<R extends { side_effects: readonly SideEffect[] }>(report: R, terms: EffectTerms): R & { side_effects: Array<SideEffect & Bounds & { terms: string[] }> } {
  return { ...report, side_effects: report.side_effects.map((row) => ({ ...withBounds(row), terms: termsOf(terms, row.effect) })) };
}

const termsByEffect = new WeakMap<EffectTerms, Map<string, string[]>>();

/** The vocabulary's words for what a row names, worked out once per effect: a batch of drugs repeats most of them. */
function termsOf(terms: EffectTerms, effect: string): string[] {
  let byEffect = termsByEffect.get(terms);
  if (!byEffect) termsByEffect.set(terms, (byEffect = new Map()));
  let found = byEffect.get(effect);
  if (!found) byEffect.set(effect, (found = [...new Set(effectsNamed(effect).map((piece) => termFor(terms, piece) ?? piece))]));
  return found;
}
