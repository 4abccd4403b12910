import { allSections, type Label, type LabelSection, SECTION_CODES as CODE, sectionsWith } from './label.js';
import { cleanEffect, type ImportedEffect, readEffectTable } from './tables.js';

export interface EffectsReading {
  rows: ImportedEffect[];
  /** Figures left out, one line each. */
  leftOut: string[];
  /** The tables read (by name) and whether any table was found in Adverse Reactions at all. */
  tables: string[];
  hadTables: boolean;
}

/**
 * The side effects of a label: the rows of its adverse-reaction tables (each
 * drug arm a row), figures written in its prose ("drowsiness (10–63%)"), and
 * for an OTC label, the effects its Drug Facts warn of, with no number.
 */
export function readEffects(label: Label, drugNames: readonly string[]): EffectsReading {
  const rows: ImportedEffect[] = [];
  const leftOut: string[] = [];
  const tables: string[] = [];
  let hadTables = false;
  const reactions = allSections(sectionsWith(label.sections, [CODE.adverseReactions]));
  for (const section of reactions) {
    for (const block of section.blocks) {
      if (block.kind !== 'table') continue;
      hadTables = true;
      const reading = readEffectTable(block.table, drugNames, `a table in ${sectionName(section)}`);
      if (reading.armColumns === 0) continue;
      tables.push(reading.name);
      rows.push(...reading.rows);
      leftOut.push(...reading.leftOut);
    }
  }
  for (const section of reactions) {
    for (const block of section.blocks) {
      const texts = block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : [];
      for (const text of texts) for (const row of proseFigures(text, `${sectionName(section)}, label text`)) if (!rows.some((seen) => sameFigure(seen, row))) rows.push(row);
    }
  }
  if (label.rx === 'otc') {
    for (const row of otcEffects(label)) if (!rows.some((seen) => seen.effect === row.effect)) rows.push(row);
  }
  return { rows, leftOut, tables, hadTables };
}

function sectionName(section: LabelSection): string {
  return section.title.replace(/^\d+(\.\d+)*\s+/, '').trim() || 'Adverse Reactions';
}

function sameFigure(a: ImportedEffect, b: ImportedEffect): boolean {
  return a.effect === b.effect && JSON.stringify(a.percent) === JSON.stringify(b.percent);
}

const NUMBER = '([0-9]+(?:\\.[0-9]+)?)';
/** "drowsiness (10–63%)", "dizziness (1%)", "nausea (0.4%)": a short term directly before its figure in brackets. */
const PROSE_FIGURE = new RegExp(`(?:^|[,;:]\\s*|\\band\\s+|\\bor\\s+|\\bwere\\s+|\\bwas\\s+|\\bincluded?\\s+|\\binclude:\\s*)((?:[A-Za-z][A-Za-z'/-]*\\s){0,3}[A-Za-z][A-Za-z'/-]*)\\s\\(\\s*${NUMBER}(?:\\s*%)?(?:\\s*(?:[-–—]|to)\\s*${NUMBER})?\\s*%\\s*\\)`, 'g');
const NOT_EFFECTS = /^(patients?|placebo|doses?|trials?|studies|study|incidence|rate|rates|the|and|or|were|was|all|treatment|those|mg|group|groups|total|approximately|respectively)$/i;

const NOT_EFFECT_WORDS = /\b(patients?|placebo|trials?|stud(y|ies)|incidence|mg|doses?|group|individuals?|subjects?|one|two|three|four|five|six|seven|eight|nine|ten)\b|^(in|of|for|to|at|by|on|from|with|than)\b/i;

/** Figures written in prose, read only in the plain "term (N%)" or "term (N–M%)" form; a sentence about stopping treatment says so in the note. */
export function proseFigures(text: string, where: string): ImportedEffect[] {
  const found: ImportedEffect[] = [];
  for (const sentence of text.split(/(?<=[.;])\s+(?=[A-Z])/)) {
    const stopping = /discontinu|withdr[ae]w|stopp(ed|ing) treatment/i.test(sentence);
    for (const match of sentence.matchAll(PROSE_FIGURE)) {
      const term = cleanEffect(match[1]!.replace(/^(?:the|and|or|of|with|were|was)\s+/i, ''));
      if (term === '' || NOT_EFFECTS.test(term) || NOT_EFFECT_WORDS.test(term)) continue;
      const low = Number(match[2]);
      const high = match[3] === undefined ? undefined : Number(match[3]);
      if (low > 100 || (high !== undefined && (high > 100 || high < low))) continue;
      found.push({ effect: term, percent: high === undefined ? low : [low, high], note: stopping ? `${where}: leading to stopping treatment` : where });
    }
  }
  return found;
}

/**
 * An OTC label's effects: what its "When using this product" items say may
 * occur, and what its warnings say the product may cause, each without a
 * number (Drug Facts give none).
 */
function otcEffects(label: Label): ImportedEffect[] {
  const found: ImportedEffect[] = [];
  const add = (term: string, where: string) => {
    const effect = cleanEffect(term.replace(/^(?:a|an|the|marked|severe|serious)\s+/i, '').replace(/^(?:a|an|the|marked|severe|serious)\s+/i, ''));
    if (effect === '' || effect.split(' ').length > 5 || /^(problems?|harm|complications?|side effects?)$/.test(effect) || found.some((row) => row.effect === effect)) return;
    found.push({ effect, frequency: 'not reported', note: `Drug Facts, ${where}: no frequency given` });
  };
  for (const section of allSections(sectionsWith(label.sections, [CODE.otcWhenUsing]))) {
    for (const text of texts(section)) for (const match of text.matchAll(/(?:^|[,;]\s*|\band\s+)([a-z][a-z ]{2,40}?) (?:may|can) occur\b/gi)) add(match[1]!, 'when using this product');
  }
  for (const section of allSections(sectionsWith(label.sections, [CODE.warnings, CODE.otcWhenUsing]))) {
    for (const text of texts(section)) for (const match of text.matchAll(/\bmay cause (?:a |an )?((?:severe |serious )?[a-z][a-z -]{2,40}?)(?=[.,;:]|\s+which\b|\s+if\b|\s+in\b|\s+or\b|$)/gi)) add(match[1]!, 'warnings');
  }
  return found;
}

function texts(section: LabelSection): string[] {
  return section.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : []));
}
