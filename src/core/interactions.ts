import type { Interaction, Monograph, Severity, Source } from './monograph.js';
import { SEVERITIES } from './vocabulary.js';

/** One member of a medication list: a drug or substance, possibly reached through a combination product. */
export interface ListMember {
  monograph: Monograph;
  /** The combination product this ingredient came from ("Tylenol PM"), if any. */
  via?: string;
}

/** One side of a finding: the monograph entry that describes the pair, with its source spelled out. */
export interface FindingEntry {
  /** The drug whose monograph holds the entry. */
  in: string;
  /** What matched the other drug: its slug ("direct") or one of its class tags. */
  link: string;
  severity: Severity;
  effect: string;
  management?: string;
  source: Source;
}

export interface InteractionFinding {
  severity: Severity;
  drugs: [string, string];
  names: [string, string];
  /** Every entry, from either monograph, that describes this pair; the most severe first. */
  entries: FindingEntry[];
}

export interface DuplicateTherapy {
  drugs: [string, string];
  names: [string, string];
  /** The shared class marked for duplicate-therapy checks, or `same-ingredient`. */
  class: string;
  meaning: string;
}

export interface InteractionsReport {
  drugs: Array<{ slug: string; name: string; via?: string }>;
  pairs_checked: number;
  interactions: InteractionFinding[];
  duplicate_therapy: DuplicateTherapy[];
}

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** Whether `row`, written in one monograph, is about `other`: by its slug or one of its class tags. */
function matches(row: Interaction, other: Monograph): string | undefined {
  if (row.with === other.slug) return 'direct';
  return other.classes.includes(row.with) ? row.with : undefined;
}

function entriesAbout(holder: Monograph, other: Monograph): FindingEntry[] {
  const found: FindingEntry[] = [];
  for (const row of holder.interactions) {
    const link = matches(row, other);
    if (link === undefined) continue;
    const source = holder.sources.find((candidate) => candidate.id === row.source)!;
    found.push({ in: holder.slug, link, severity: row.severity, effect: row.effect, ...(row.management ? { management: row.management } : {}), source });
  }
  return found;
}

/**
 * Checks every pair of a medication list. An entry in either monograph counts
 * when it names the other drug's slug or one of its class tags; a pair is
 * reported once, at the most severe grade either monograph gives it, with
 * every entry and source. Two members sharing a class in `duplicateClasses`,
 * or the same ingredient twice, are a duplicate-therapy warning. Findings are
 * sorted most severe first, then by the members' order in the list.
 */
export function checkInteractions(members: readonly ListMember[], duplicateClasses: Readonly<Record<string, string>>): InteractionsReport {
  const interactions: InteractionFinding[] = [];
  const duplicates: DuplicateTherapy[] = [];
  let pairs = 0;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!.monograph;
      const b = members[j]!.monograph;
      pairs++;
      const pair = { drugs: [a.slug, b.slug] as [string, string], names: [a.name, b.name] as [string, string] };
      if (a.slug === b.slug) {
        duplicates.push({ ...pair, class: 'same-ingredient', meaning: `${a.name} is in the list twice: ${[members[i]!, members[j]!].map((m) => (m.via ? `in ${m.via}` : 'on its own')).join(' and ')}.` });
        continue;
      }
      const entries = [...entriesAbout(a, b), ...entriesAbout(b, a)];
      if (entries.length > 0) {
        entries.sort((x, y) => rank(x.severity) - rank(y.severity));
        interactions.push({ severity: entries[0]!.severity, ...pair, entries });
      }
      for (const tag of a.classes) {
        if (Object.hasOwn(duplicateClasses, tag) && b.classes.includes(tag)) duplicates.push({ ...pair, class: tag, meaning: duplicateClasses[tag]! });
      }
    }
  }
  // Array.prototype.sort is stable, so equal grades keep the list's order.
  interactions.sort((x, y) => rank(x.severity) - rank(y.severity));
  return {
    drugs: members.map(({ monograph, via }) => ({ slug: monograph.slug, name: monograph.name, ...(via ? { via } : {}) })),
    pairs_checked: pairs,
    interactions,
    duplicate_therapy: duplicates,
  };
}

/** Whether anything in the report is at least as severe as `threshold` (for --fail-on). */
export function reachesSeverity(report: InteractionsReport, threshold: Severity): boolean {
  return report.interactions.some((finding) => rank(finding.severity) <= rank(threshold));
}
