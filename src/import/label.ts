/**
 * An FDA label as medinfo import reads it, whether it came as SPL XML or as an
 * openFDA JSON record: the facts a monograph needs, and the sections by LOINC code.
 */
export interface Label {
  format: 'spl' | 'openfda';
  /** The label's own title, without the highlights' boilerplate; undefined when it has none. */
  title?: string;
  setId?: string;
  version?: string;
  /** YYYY-MM-DD */
  effectiveDate?: string;
  /** From the document type (SPL) or product type (openFDA). */
  rx: 'prescription' | 'otc';
  /** The active ingredients' names, as the label writes them (ATORVASTATIN, or DIPHENHYDRAMINE and PHENYLEPHRINE). */
  ingredients: string[];
  /** Generic names with their salts (atorvastatin calcium). */
  genericNames: string[];
  /** Product (brand) names. */
  brandNames: string[];
  /** Established pharmacologic classes, as written (HMG-CoA Reductase Inhibitor). */
  pharmClasses: string[];
  publisher?: string;
  /** The top-level and nested sections, in document order. */
  sections: LabelSection[];
}

export interface LabelSection {
  /** LOINC section code (34084-4), when the label gives one. */
  code?: string;
  title: string;
  blocks: Block[];
  children: LabelSection[];
}

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] } | { kind: 'table'; table: LabelTable };

/** A table as the label lays it out: rows of cells with their spans. */
export interface LabelTable {
  caption?: string;
  /** How many of `rows` came from <thead>. */
  headRows: number;
  rows: LabelCell[][];
}

export interface LabelCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/** LOINC codes of the sections medinfo import reads. */
export const SECTION_CODES = {
  boxedWarning: '34066-1',
  indications: '34067-9',
  dosage: '34068-7',
  contraindications: '34070-3',
  warnings: '34071-1',
  warningsAndPrecautions: '43685-7',
  precautions: '42232-9',
  adverseReactions: '34084-4',
  drugInteractions: '34073-7',
  pregnancy: '42228-7',
  nursingMothers: '34080-2',
  lactation: '77290-5',
  mechanism: '43679-0',
  otcPurpose: '55105-1',
  otcActiveIngredient: '55106-9',
  otcDoNotUse: '50570-1',
  otcAskDoctor: '50569-3',
  otcAskDoctorOrPharmacist: '50568-5',
  otcWhenUsing: '50567-7',
  otcStopUse: '50566-9',
  otcPregnancyOrBreastFeeding: '53414-9',
} as const;

/** Every section with one of `codes`, in document order, not looking inside a section found. */
export function sectionsWith(sections: readonly LabelSection[], codes: readonly string[], found: LabelSection[] = []): LabelSection[] {
  for (const section of sections) {
    if (section.code !== undefined && codes.includes(section.code)) found.push(section);
    else sectionsWith(section.children, codes, found);
  }
  return found;
}

/** Every section under (and including) these, depth first. */
export function allSections(sections: readonly LabelSection[], found: LabelSection[] = []): LabelSection[] {
  for (const section of sections) {
    found.push(section);
    allSections(section.children, found);
  }
  return found;
}

/** A label that could not be read: the reason, for the one-line error and the summary. */
export class NotALabel extends Error {}
