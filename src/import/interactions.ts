import { allSections, type Label, type LabelSection, SECTION_CODES as CODE, sectionsWith } from './label.js';

/** An interaction read from a label, before it is given its source. */
export interface ImportedInteraction {
  with: string;
  severity: 'contraindicated' | 'major' | 'unknown';
  effect: string;
}

/** Names and phrases a label may use for something interactions can name: a drug's slug or a class tag. */
export type TargetIndex = ReadonlyMap<string, string>;

/** The key a phrase is looked up by: lower case, single spaces, no trailing plural s. */
export function phraseKey(text: string): string {
  return stripPlural(normalize(text));
}

/** Lower case, CYP names joined up ("CYP 3A4", "cytochrome P450 3A4" are cyp3a4), words separated by single spaces. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/\bcyp\s*(?:p?450\s*)?(\d[a-z]\d*)\b/g, 'cyp$1')
    .replace(/\bcytochrome p450 (\d[a-z]\d*)\b/g, 'cyp$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function stripPlural(key: string): string {
  return key.replace(/(?<=[a-z]{3})s$/, '');
}

const MAX_WORDS = 5;

/**
 * The label's interactions, from its Drug Interactions section (text and
 * tables) and its boxed warning (and a Drug Facts label's "Do not use" and
 * "Ask a doctor or pharmacist" sections): one entry per drug or class the vocabulary
 * knows (`targets`), graded by docs/monograph-format.md's rule only where the
 * wording makes it clear (contraindicated, do not use; avoid, not
 * recommended, or a boxed warning); anything else is `unknown`. Where a
 * target is named more than once, the strictest grade stands.
 */
export function readInteractions(label: Label, targets: TargetIndex, self: ReadonlySet<string>, ownClasses: readonly string[] = []): ImportedInteraction[] {
  const found = new Map<string, ImportedInteraction>();
  const consider = (sentence: string, context: string[], kind: Kind) => {
    const boxed = kind === 'boxed';
    // A boxed warning names classes for other reasons too ("in patients taking atypical antipsychotics"):
    // only a sentence about taking them together is an interaction.
    if (boxed && !/concomitant|in combination|combined with|coadminist|co-administ|together with|used with|use with/i.test(sentence)) return;
    const named = targetsIn(sentence, targets, self).filter((target) => !ownClasses.includes(target));
    const withs = named.length > 0 ? named : context;
    if (withs.length === 0) return;
    // A Drug Facts "Do not use" item reads as "Do not use ... in a child who is taking an MAOI".
    const said = kind === 'do-not-use' && !/^do not use\b/i.test(sentence) ? `Do not use ${sentence}` : sentence;
    const severity = boxed ? 'major' : grade(said);
    for (const target of withs) {
      const before = found.get(target);
      if (!before || RANK[severity] < RANK[before.severity]) found.set(target, { with: target, severity, effect: said });
    }
  };
  const sources: ReadonlyArray<[readonly string[], Kind]> = [
    [[CODE.boxedWarning], 'boxed'],
    [[CODE.drugInteractions], 'text'],
    [[CODE.otcDoNotUse], 'do-not-use'],
    [[CODE.otcAskDoctorOrPharmacist], 'text'],
  ];
  for (const [codes, boxed] of sources) {
    for (const top of sectionsWith(label.sections, codes)) {
      const walk = (section: LabelSection, context: string[]) => {
        const own = targetsIn(section.title.replace(/^\d+(\.\d+)*\s*/, ''), targets, self);
        const here = own.length > 0 ? own : context;
        for (const block of section.blocks) {
          if (block.kind === 'table') {
            for (const row of block.table.rows.slice(block.table.headRows)) {
              const text = row.map((cell) => cell.text).filter((cell) => cell !== '').join(': ');
              if (text !== '') consider(text, [], boxed);
            }
            continue;
          }
          for (const text of block.kind === 'paragraph' ? [block.text] : block.items) for (const sentence of sentences(text)) consider(sentence, here, boxed);
        }
        for (const child of section.children) walk(child, here);
      };
      walk(top, []);
    }
  }
  return [...found.values()].sort((a, b) => (a.with < b.with ? -1 : a.with > b.with ? 1 : 0));
}

const RANK = { contraindicated: 0, major: 1, unknown: 2 } as const;
type Kind = 'boxed' | 'text' | 'do-not-use';

/** The label's wording, by the documented rule: only the clear words count. */
export function grade(sentence: string): ImportedInteraction['severity'] {
  const text = sentence.toLowerCase();
  if (/\bnot contraindicated\b/.test(text)) return 'unknown';
  if (/\bcontraindicated\b|\bdo not (use|take|give|administer|coadminister|co-administer|combine)\b|\bmust not be (used|taken|given|administered)\b/.test(text)) return 'contraindicated';
  if (/\bavoid(ed|ing)?\b|\bnot recommended\b/.test(text)) return 'major';
  return 'unknown';
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z(])/).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** The targets a sentence names, longest phrases first, each once, in the order named. */
export function targetsIn(text: string, targets: TargetIndex, self: ReadonlySet<string>): string[] {
  // The sentence is normalised once; a phrase's key is then its words joined, less a plural s.
  const words = normalize(text).split(' ').filter((word) => word !== '');
  const named: string[] = [];
  for (let i = 0; i < words.length; ) {
    let step = 1;
    for (let length = Math.min(MAX_WORDS, words.length - i); length >= 1; length--) {
      const key = stripPlural(length === 1 ? words[i]! : words.slice(i, i + length).join(' '));
      if (self.has(key)) {
        step = length;
        break;
      }
      const target = targets.get(key);
      if (target !== undefined) {
        if (!named.includes(target)) named.push(target);
        step = length;
        break;
      }
    }
    i += step;
  }
  return named;
}

/** Every section of the label whose text interactions come from, for the monograph's sources. */
export function interactionSections(label: Label): LabelSection[] {
  return allSections(sectionsWith(label.sections, [CODE.boxedWarning, CODE.drugInteractions, CODE.otcDoNotUse, CODE.otcAskDoctorOrPharmacist]));
}
