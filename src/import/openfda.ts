import { type Block, type Label, type LabelSection, NotALabel, SECTION_CODES as CODE } from './label.js';
import { isoDay, readTable } from './spl.js';
import { parseXml, XmlSyntaxError } from './xml.js';

/** openFDA's drug-label fields medinfo reads, with the LOINC code of the SPL section each one is. */
const FIELDS: ReadonlyArray<{ field: string; code: string; title: string; table?: string }> = [
  { field: 'boxed_warning', code: CODE.boxedWarning, title: 'Boxed warning' },
  { field: 'indications_and_usage', code: CODE.indications, title: 'Indications and usage' },
  { field: 'purpose', code: CODE.otcPurpose, title: 'Purpose' },
  { field: 'dosage_and_administration', code: CODE.dosage, title: 'Dosage and administration' },
  { field: 'contraindications', code: CODE.contraindications, title: 'Contraindications' },
  { field: 'warnings_and_cautions', code: CODE.warningsAndPrecautions, title: 'Warnings and precautions' },
  { field: 'warnings', code: CODE.warnings, title: 'Warnings' },
  { field: 'precautions', code: CODE.precautions, title: 'Precautions' },
  { field: 'do_not_use', code: CODE.otcDoNotUse, title: 'Do not use' },
  { field: 'ask_doctor', code: CODE.otcAskDoctor, title: 'Ask a doctor before use' },
  { field: 'ask_doctor_or_pharmacist', code: CODE.otcAskDoctorOrPharmacist, title: 'Ask a doctor or pharmacist before use' },
  { field: 'when_using', code: CODE.otcWhenUsing, title: 'When using this product' },
  { field: 'stop_use', code: CODE.otcStopUse, title: 'Stop use and ask a doctor' },
  { field: 'adverse_reactions', code: CODE.adverseReactions, title: 'Adverse reactions', table: 'adverse_reactions_table' },
  { field: 'drug_interactions', code: CODE.drugInteractions, title: 'Drug interactions', table: 'drug_interactions_table' },
  { field: 'pregnancy', code: CODE.pregnancy, title: 'Pregnancy' },
  { field: 'pregnancy_or_breast_feeding', code: CODE.otcPregnancyOrBreastFeeding, title: 'Pregnancy or breast-feeding' },
  { field: 'nursing_mothers', code: CODE.nursingMothers, title: 'Nursing mothers' },
  { field: 'lactation', code: CODE.lactation, title: 'Lactation' },
  { field: 'mechanism_of_action', code: CODE.mechanism, title: 'Mechanism of action' },
];

/** The label fields that make a record a label, beyond openFDA's own bookkeeping. */
const BOOKKEEPING = new Set(['openfda', 'id', 'set_id', 'version', 'effective_time', '@epoch', 'spl_product_data_elements']);

/**
 * Reads an openFDA drug-label reply: one record, or the API's
 * `{"meta": …, "results": [ … ]}`. Each record that holds a label becomes a
 * Label; a reply with none (the API's empty or error reply) throws NotALabel.
 */
export function readOpenFda(text: string): Label[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new NotALabel(`not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isObject(value) && !Array.isArray(value)) throw new NotALabel('JSON, but not an openFDA drug-label record or reply');
  if (isObject(value) && isObject(value.error)) {
    const error = value.error;
    throw new NotALabel(`an openFDA error reply${typeof error.message === 'string' ? ` ("${error.message}")` : ''}, with no label in it`);
  }
  const records: unknown[] = Array.isArray(value) ? value : Array.isArray(value.results) ? value.results : [value];
  if (isObject(value) && !Array.isArray(value) && 'results' in value && !Array.isArray(value.results)) throw new NotALabel('an openFDA reply whose "results" is not a list');
  const labels = records.filter(isObject).filter(holdsLabel).map(readRecord);
  if (labels.length === 0) {
    throw new NotALabel(isObject(value) && 'results' in value ? 'an openFDA reply with no label in its results (an empty reply)' : 'JSON, but not an openFDA drug-label record');
  }
  return labels;
}

function holdsLabel(record: Record<string, unknown>): boolean {
  return Object.keys(record).some((key) => !BOOKKEEPING.has(key) && Array.isArray(record[key]) && (record[key] as unknown[]).some((item) => typeof item === 'string' && item.trim() !== ''));
}

function readRecord(record: Record<string, unknown>): Label {
  const openfda = isObject(record.openfda) ? record.openfda : {};
  const strings = (key: string, from: Record<string, unknown> = record) => (Array.isArray(from[key]) ? (from[key] as unknown[]).filter((item): item is string => typeof item === 'string') : []);
  const productType = strings('product_type', openfda).join(' ');
  const sections: LabelSection[] = [];
  for (const { field, code, title, table } of FIELDS) {
    const texts = strings(field);
    const tables = table ? strings(table) : [];
    if (texts.length === 0 && tables.length === 0) continue;
    const blocks: Block[] = texts.map((text) => ({ kind: 'paragraph', text: withoutHeading(text.replace(/\s+/g, ' ').trim()) }));
    for (const html of tables) {
      try {
        const element = parseXml(html, { html: true });
        blocks.push({ kind: 'table', table: readTable(element.name === 'table' ? element : (element.children.find((child) => typeof child === 'object' && child.name === 'table') as typeof element) ?? element) });
      } catch (error) {
        if (!(error instanceof XmlSyntaxError)) throw error;
        blocks.push({ kind: 'paragraph', text: '' });
      }
    }
    sections.push({ code, title, blocks: blocks.filter((block) => block.kind !== 'paragraph' || block.text !== ''), children: [] });
  }
  const first = (key: string, from: Record<string, unknown> = record) => (typeof from[key] === 'string' ? (from[key] as string) : strings(key, from)[0]);
  return {
    format: 'openfda',
    title: undefined,
    setId: first('set_id') ?? first('spl_set_id', openfda),
    version: first('version'),
    effectiveDate: isoDay(first('effective_time')),
    rx: /OTC/i.test(productType) ? 'otc' : 'prescription',
    ingredients: strings('substance_name', openfda),
    genericNames: strings('generic_name', openfda),
    brandNames: strings('brand_name', openfda),
    pharmClasses: strings('pharm_class_epc', openfda).map((name) => name.replace(/\s*\[EPC\]\s*$/, '')),
    publisher: strings('manufacturer_name', openfda)[0],
    sections,
  };
}

/** openFDA's text keeps the section's heading in front ("6 ADVERSE REACTIONS The following…", "Warnings Reye's syndrome: …"). */
function withoutHeading(text: string): string {
  const numbered = /^\d+(?:\.\d+)*\s+(?:[A-Z][A-Z&,/()-]*\s+)*?[A-Z][A-Z&,/()-]+\s+(?=[A-Z][a-z])/.exec(text);
  return numbered ? text.slice(numbered[0].length) : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
