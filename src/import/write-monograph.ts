import { slugOf } from '../core/slug.js';
import { readEffects } from './effects.js';
import { type ImportedInteraction, phraseKey, readInteractions, type TargetIndex } from './interactions.js';
import { allSections, type Block, type Label, type LabelSection, SECTION_CODES as CODE, sectionsWith } from './label.js';
import type { ImportedEffect } from './tables.js';

/** What import needs to know about the library it writes for. */
export interface ImportVocabulary {
  /** The class tags there are. */
  classes: ReadonlySet<string>;
  /** A label's class (by phraseKey) → class tags, from data/label-classes.yaml. */
  epc: ReadonlyMap<string, readonly string[]>;
  /** An OTC label's purpose (by phraseKey) → class tags, from data/label-classes.yaml. */
  purposes: ReadonlyMap<string, readonly string[]>;
  /** Phrases (by phraseKey) → a drug slug or class tag, for interactions. */
  targets: TargetIndex;
  /** The bundled drug a name, brand or alias belongs to, if any: its slug and printed name. */
  bundledDrug(name: string): { slug: string; name: string } | undefined;
}

export interface ImportedMonograph {
  slug: string;
  name: string;
  /** The monograph file's bytes: the same label always gives the same text. */
  text: string;
  /** What the person reviewing it should know, one line each (without the file name). */
  warnings: string[];
}

const SOURCE_ID = 'fda-label';
const SALTS = /\b(hydrochloride|hcl|hydrobromide|sodium|potassium|calcium|magnesium|tartrate|maleate|mesylate|besylate|succinate|citrate|sulfate|phosphate|acetate|fumarate|bromide|chloride|dihydrate|monohydrate|trihydrate|hyclate|bitartrate|disodium|anhydrous|extended-release|tablets?|capsules?|injection|oral|solution|suspension|usp)\b/gi;

/**
 * The monograph for one label, in the project's format: names from the
 * label, classes through the reviewed mapping, sections in plain markdown,
 * side effects from its tables and prose, interactions graded where the
 * wording is clear, the label as its one source, and `reviewed` left empty
 * for a person to fill in once they have checked it.
 */
export function writeMonograph(label: Label, vocabulary: ImportVocabulary): ImportedMonograph {
  const warnings: string[] = [];
  const ingredients = (label.ingredients.length > 0 ? label.ingredients : label.genericNames).map(baseName).filter((name, i, all) => name !== '' && all.indexOf(name) === i);
  if (ingredients.length === 0 && label.brandNames.length === 0) throw new Error('no product name');
  const name = ingredients.length > 0 ? sentenceCase(joinNames(ingredients)) : label.brandNames[0]!;
  const slug = slugOf(name) || 'imported-label';
  const ownKeys = new Set([name, ...label.genericNames, ...label.brandNames, ...ingredients].map(phraseKey));
  const aliases = unique(label.genericNames.map((generic) => generic.toLowerCase()).filter((generic) => phraseKey(generic) !== phraseKey(name)));
  const brands = unique(label.brandNames.map(brandCase).filter((brand) => phraseKey(brand) !== phraseKey(name) && !aliases.some((alias) => phraseKey(alias) === phraseKey(brand))));

  const classes: string[] = [];
  const unmapped: string[] = [];
  for (const pharmClass of label.pharmClasses) {
    const tags = vocabulary.epc.get(phraseKey(pharmClass));
    if (!tags) unmapped.push(pharmClass);
    for (const tag of tags ?? []) if (vocabulary.classes.has(tag) && !classes.includes(tag)) classes.push(tag);
  }
  if (label.rx === 'otc') {
    for (const purpose of purposes(label)) for (const tag of vocabulary.purposes.get(phraseKey(purpose)) ?? []) if (vocabulary.classes.has(tag) && !classes.includes(tag)) classes.push(tag);
  }
  if (unmapped.length > 0) warnings.push(`pharmacologic class not in the vocabulary: ${unmapped.map((c) => `"${c}"`).join(', ')} (data/label-classes.yaml maps them)`);
  if (label.pharmClasses.length === 0 && classes.length === 0) warnings.push('the label states no established pharmacologic class');
  if (classes.length === 0) {
    classes.push('unclassified');
    warnings.push('classes: unclassified (give it its class tags)');
  }

  const uses = readUses(label);
  if (uses.length === 0) {
    uses.push('not stated by the label (see its Indications section)');
    warnings.push('uses: the label has no indications the import could read');
  }

  const effects = readEffects(label, [name, ...ingredients, ...label.genericNames, ...label.brandNames]);
  for (const line of effects.leftOut) warnings.push(`left out: ${line}`);
  if (!effects.hadTables && label.rx === 'prescription') warnings.push('the label has no adverse-reaction table; only figures written in its text were read');
  const interactions = readInteractions(label, vocabulary.targets, new Set([...ownKeys, phraseKey(slug)].filter((key) => key !== '')), classes);
  const unknown = interactions.filter((row) => row.severity === 'unknown').length;
  if (unknown > 0) warnings.push(`${unknown} interaction${unknown === 1 ? '' : 's'} graded unknown: the label's wording does not make the grade clear`);

  const sourceTitle = label.title && !/^drug facts$/i.test(label.title) ? label.title : `${brands[0] ?? name} (${(label.genericNames[0] ?? name).toLowerCase()}) label`;
  if (!label.title && label.format === 'spl') warnings.push(`the label has no title; its source is named "${sourceTitle}"`);
  if (!label.effectiveDate) warnings.push('the label has no effective date');
  if (!label.setId) warnings.push('the label has no set id');

  const bundled = [name, ...brands, ...aliases].map((candidate) => ({ candidate, drug: vocabulary.bundledDrug(candidate) })).find((hit) => hit.drug);
  if (bundled?.drug) {
    warnings.push(
      bundled.drug.slug === slug
        ? `${slug}.md is the bundled drug ${bundled.drug.name} (${bundled.drug.slug}); read with --data-dir it replaces the bundled monograph`
        : `"${bundled.candidate}" is a name of the bundled drug ${bundled.drug.name} (${bundled.drug.slug}); rename it here before reading ${slug}.md beside the bundled library`,
    );
  }

  const gaps: string[] = [];
  if (effects.leftOut.length > 0) gaps.push(`${effects.leftOut.length} figure${effects.leftOut.length === 1 ? '' : 's'} in the label's adverse-reaction tables could not be read with confidence and are left out`);
  if (!effects.hadTables && label.rx === 'prescription') gaps.push("the label has no adverse-reaction table; the side effects are only those its text gives figures for");

  const lines: string[] = ['---'];
  lines.push(`name: ${quote(name)}`, `slug: ${slug}`);
  if (aliases.length > 0) lines.push(`aliases: [${aliases.map(quote).join(', ')}]`);
  if (brands.length > 0) lines.push(`brands: [${brands.map(quote).join(', ')}]`);
  lines.push(`classes: [${classes.join(', ')}]`);
  lines.push('uses:', ...uses.map((use) => `  - ${quote(use)}`));
  lines.push(`rx: ${label.rx}`);
  lines.push('reviewed: ""  # empty until a person has checked this monograph against the label: then the date, YYYY-MM-DD');
  if (effects.rows.length > 0) lines.push('side_effects:', ...effects.rows.map((row) => `  - ${effectLine(row)}`));
  if (interactions.length > 0) lines.push('interactions:', ...interactions.map((row) => `  - ${interactionLine(row)}`));
  lines.push('sources:', `  - id: ${SOURCE_ID}`, `    title: ${quote(sourceTitle)}`, '    kind: label');
  if (label.publisher) lines.push(`    publisher: ${quote(label.publisher)}`);
  const parts = [label.setId ? `set id ${label.setId}` : undefined, label.version ? `version ${label.version}` : undefined].filter(Boolean).join(', ');
  lines.push(`    section: ${quote(`${label.format === 'spl' ? 'SPL' : 'openFDA'} label${parts ? `, ${parts}` : ''}; ${sourceSections(label.rx, effects.tables, interactions.length > 0)}`)}`);
  if (label.setId && /^[0-9a-f-]{36}$/i.test(label.setId)) lines.push(`    url: https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=${label.setId.toLowerCase()}`);
  if (label.effectiveDate) lines.push(`    date: ${label.effectiveDate}`);
  lines.push(`    supports: ${quote("the monograph's sections, which are the label's own text")}`);
  if (gaps.length > 0) lines.push('gaps:', ...gaps.map((gap) => `  - ${quote(gap)}`));
  lines.push('---', '');
  lines.push(...body(label, sourceTitle, name, slug, effects.tables));
  return { slug: slug, name, text: `${lines.join('\n').replace(/\n+$/, '')}\n`, warnings };
}

function sourceSections(rx: Label['rx'], tables: readonly string[], interactions: boolean): string {
  if (rx === 'otc') return 'Drug Facts';
  const numbered = tables.filter((table) => /^Table /.test(table));
  const others = tables.length - numbered.length;
  const named = [...numbered, ...(others > 0 ? [`${others} table${others === 1 ? '' : 's'}`] : [])];
  const parts = [`Adverse Reactions${named.length > 0 ? ` (${named.join(', ')})` : ''}`];
  if (interactions) parts.push('Drug Interactions; Boxed Warning');
  return parts.join('; ');
}

/** ATORVASTATIN CALCIUM → atorvastatin; "Diphenhydramine HCl" → diphenhydramine. */
function baseName(name: string): string {
  return name.replace(SALTS, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

function joinNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** AMBIEN → Ambien; a brand already in mixed case stays as the label writes it. */
function brandCase(brand: string): string {
  return brand === brand.toUpperCase() ? brand.toLowerCase().replace(/(^|[\s-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase()) : brand;
}

function unique(values: string[]): string[] {
  return values.filter((value, i) => values.findIndex((other) => phraseKey(other) === phraseKey(value)) === i);
}

/** A YAML double-quoted string (JSON's escapes are YAML's too). */
function quote(text: string): string {
  return JSON.stringify(text);
}

function figure(value: number | [number, number]): string {
  return Array.isArray(value) ? `[${value[0]}, ${value[1]}]` : String(value);
}

function effectLine(row: ImportedEffect): string {
  const fields = [`effect: ${quote(row.effect)}`];
  if (row.percent !== undefined) fields.push(`percent: ${figure(row.percent)}`);
  if (row.frequency !== undefined) fields.push(`frequency: ${row.frequency}`);
  if (row.placebo_percent !== undefined) fields.push(`placebo_percent: ${figure(row.placebo_percent)}`);
  if (row.participants !== undefined) fields.push(`participants: ${row.participants}`);
  if (row.system !== undefined) fields.push(`system: ${quote(row.system)}`);
  fields.push(`source: ${SOURCE_ID}`);
  if (row.note !== undefined) fields.push(`note: ${quote(row.note)}`);
  return `{${fields.join(', ')}}`;
}

function interactionLine(row: ImportedInteraction): string {
  return `{with: ${row.with}, severity: ${row.severity}, effect: ${quote(row.effect)}, source: ${SOURCE_ID}}`;
}

/** What the label gives as its uses: the indications' own subsection titles, or the "indicated for" phrase, or an OTC label's Uses items. */
function readUses(label: Label): string[] {
  const uses: string[] = [];
  const add = (use: string) => {
    const text = lowerTitle(use.replace(/^\d+(\.\d+)*\s+/, '').replace(/\s*\[see[^\]]*\]/gi, '').replace(/[\s.;:,]+$/, '').trim());
    if (text !== '' && text.length <= 200 && !uses.some((seen) => seen.toLowerCase() === text.toLowerCase())) uses.push(text.charAt(0).toLowerCase() + text.slice(1));
  };
  // A Drug Facts label's Purpose lines are its uses in a few words ("Pain reliever", "Nasal decongestant").
  if (label.rx === 'otc') for (const purpose of purposes(label)) add(purpose);
  if (uses.length > 0) return uses;
  for (const section of sectionsWith(label.sections, [CODE.indications])) {
    const titled = section.children.filter((child) => child.title !== '' && !/^(limitations|important)/i.test(child.title.replace(/^\d+(\.\d+)*\s+/, '')));
    if (titled.length > 0) {
      for (const child of titled) add(child.title);
      continue;
    }
    for (const block of section.blocks) {
      if (block.kind === 'list') block.items.forEach(add);
      if (block.kind !== 'paragraph') continue;
      for (const match of block.text.matchAll(/\b(?:is|are) indicated (?:for|as|in)(?: the)? ([^.;]+)/gi)) add(match[1]!);
    }
    for (const child of section.children) for (const block of child.blocks) if (block.kind === 'paragraph') for (const match of block.text.matchAll(/\b(?:is|are) indicated (?:for|as|in)(?: the)? ([^.;]+)/gi)) add(match[1]!);
  }
  return uses;
}

/** An OTC label's Purpose lines, each purpose on its own ("Antihistamine/cough suppressant" is two). */
function purposes(label: Label): string[] {
  return sectionsWith(label.sections, [CODE.otcPurpose])
    .flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : [])))
    .map((text) => text.replace(/^purposes?\s+/i, ''))
    .flatMap((text) => text.split(/\s*[/,;]\s*|\s+and\s+/))
    .map((text) => text.trim())
    .filter((text) => text !== '' && text.length <= 60);
}

/** "Rheumatoid Arthritis" as a use is "rheumatoid arthritis"; acronyms (HIV) keep their capitals. */
function lowerTitle(text: string): string {
  const words = text.split(' ');
  return words.every((word) => !/^[a-z]/.test(word)) ? words.map((word) => (/^[A-Z][a-z’'-]*$/.test(word) ? word.toLowerCase() : word)).join(' ') : text;
}

/** The sections medinfo shows, from the label's, in the usual order. */
const BODY: ReadonlyArray<{ title: string; codes: readonly string[] }> = [
  { title: 'How it works', codes: [CODE.mechanism] },
  { title: 'Uses', codes: [CODE.indications, CODE.otcPurpose] },
  { title: 'Dosing', codes: [CODE.dosage] },
  { title: 'Side effects', codes: [CODE.adverseReactions] },
  { title: 'Warnings', codes: [CODE.boxedWarning, CODE.contraindications, CODE.warningsAndPrecautions, CODE.warnings, CODE.precautions] },
  { title: 'Interactions', codes: [CODE.drugInteractions] },
  { title: 'Pregnancy and breastfeeding', codes: [CODE.pregnancy, CODE.nursingMothers, CODE.lactation, CODE.otcPregnancyOrBreastFeeding] },
];

function body(label: Label, sourceTitle: string, name: string, slug: string, tables: readonly string[]): string[] {
  const lines: string[] = ['## Overview', ''];
  const facts = [label.setId ? `set id ${label.setId}` : undefined, label.version ? `version ${label.version}` : undefined, label.effectiveDate ? `effective ${label.effectiveDate}` : undefined].filter(Boolean).join(', ');
  lines.push(escape(`${name}, as the FDA label "${sourceTitle}"${facts ? ` (${facts})` : ''} describes it. Imported by medinfo import: the sections below are the label's own text, and no person has reviewed this monograph yet.`), '');
  for (const { title, codes } of BODY) {
    const sections = sectionsWith(label.sections, codes).sort((a, b) => codes.indexOf(a.code!) - codes.indexOf(b.code!));
    const tableNote = title === 'Side effects' && tables.length > 0 ? `its figures are in medinfo side-effects ${slug}` : 'see the label';
    const text = sections.flatMap((section) => sectionText(section, sections.length > 1 || section.code === CODE.boxedWarning, tableNote));
    if (text.length === 0) continue;
    lines.push(`## ${title}`, '', ...text);
  }
  return lines;
}

function sectionText(section: LabelSection, titled: boolean, tableNote: string): string[] {
  const lines: string[] = [];
  const heading = (title: string) => {
    const clean = title.replace(/^\d+(\.\d+)*\s+/, '').trim();
    if (clean !== '') lines.push(`### ${escape(sentenceCase(clean.toLowerCase() === clean.toUpperCase() ? clean : clean.charAt(0) + clean.slice(1)))}`, '');
  };
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph') lines.push(escape(block.text), '');
      else if (block.kind === 'list') lines.push(...block.items.map((item) => `- ${escape(item)}`), '');
      else lines.push(escape(`A table${block.table.caption ? ` ("${block.table.caption}")` : ''} is left out here; ${tableNote}.`), '');
    }
  };
  if (titled) heading(section.title || (section.code === CODE.boxedWarning ? 'Boxed warning' : ''));
  blocks(section.blocks);
  for (const child of allSections(section.children)) {
    heading(child.title);
    blocks(child.blocks);
  }
  return lines;
}

/** Label text as markdown that prints as written: no emphasis, list or heading from its own characters. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(#+|[-+]|\d+[.)])(\s)/, '\\$1$2');
}
