import { type Block, type Label, type LabelCell, type LabelSection, type LabelTable, NotALabel } from './label.js';
import { childNamed, childPath, childrenNamed, collapse, descendantsNamed, isElement, parseXml, textOf, type XmlElement, XmlSyntaxError } from './xml.js';

const PRESCRIPTION = '34391-3';
const OTC = '34390-5';
const PRODUCT_DATA = '48780-1';
const CELL_DROP: ReadonlySet<string> = new Set(['footnote']);
/** In a table cell a superscript is a footnote mark ("Somnolence<sup>a</sup>"), not part of the name or figure. */
const TABLE_CELL_DROP: ReadonlySet<string> = new Set(['footnote', 'sup']);

/** Reads an SPL (Structured Product Labeling) XML document. Throws NotALabel for anything else. */
export function readSpl(text: string): Label {
  let tree: XmlElement;
  try {
    tree = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new NotALabel(`not well-formed XML (${error.message})`);
    throw error;
  }
  const document = childNamed(tree, 'document');
  if (!document) throw new NotALabel('XML, but not an SPL label (no <document> root)');
  const typeCode = childNamed(document, 'code')?.attrs.code;
  const typeName = childNamed(document, 'code')?.attrs.displayName ?? typeCode ?? 'none';
  const rx = typeCode === PRESCRIPTION ? 'prescription' : typeCode === OTC ? 'otc' : undefined;
  if (!rx) throw new NotALabel(`an SPL document of type "${typeName}", not a human prescription or OTC drug label`);

  const body = childPath(document, 'component', 'structuredBody');
  const sectionElements = body ? childrenNamed(body, 'component').map((component) => childNamed(component, 'section')).filter(isElement) : [];
  const products: XmlElement[] = [];
  const sections: LabelSection[] = [];
  for (const element of sectionElements) {
    if (childNamed(element, 'code')?.attrs.code === PRODUCT_DATA) products.push(...descendantsNamed(element, 'manufacturedProduct').flatMap(innerProducts));
    else sections.push(readSection(element));
  }
  if (products.length === 0 && sections.length === 0) throw new NotALabel('an SPL document with no products and no sections');

  const ingredients: string[] = [];
  const genericNames: string[] = [];
  const brandNames: string[] = [];
  for (const product of products) {
    addOnce(brandNames, ownText(childNamed(product, 'name')));
    addOnce(genericNames, textOf(childPath(product, 'asEntityWithGeneric', 'genericMedicine', 'name')));
    for (const ingredient of childrenNamed(product, 'ingredient')) {
      if (!/^ACTI/.test(ingredient.attrs.classCode ?? '')) continue;
      const substance = childNamed(ingredient, 'ingredientSubstance');
      const moiety = childPath(substance, 'activeMoiety', 'activeMoiety', 'name');
      addOnce(ingredients, textOf(moiety ?? childNamed(substance, 'name')));
    }
  }
  const effective = childNamed(document, 'effectiveTime')?.attrs.value;
  return {
    format: 'spl',
    title: labelTitle(childNamed(document, 'title')),
    setId: childNamed(document, 'setId')?.attrs.root,
    version: childNamed(document, 'versionNumber')?.attrs.value,
    effectiveDate: isoDay(effective),
    rx,
    ingredients,
    genericNames,
    brandNames,
    pharmClasses: highlightClasses(document),
    publisher: textOf(childPath(document, 'author', 'assignedEntity', 'representedOrganization', 'name')) || undefined,
    sections,
  };
}

/** The innermost manufacturedProduct elements (SPL nests one in another). */
function innerProducts(element: XmlElement): XmlElement[] {
  const inner = childNamed(element, 'manufacturedProduct');
  return inner ? innerProducts(inner) : [element];
}

function addOnce(list: string[], value: string): void {
  if (value !== '' && !list.some((seen) => seen.toLowerCase() === value.toLowerCase())) list.push(value);
}

/** An element's own text, without its children's (a product name without its <suffix>). */
function ownText(element: XmlElement | undefined): string {
  return element ? collapse(element.children.filter((child) => typeof child === 'string').join(' ')) : '';
}

export function isoDay(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The title's lines without the highlights' boilerplate ("These highlights do not include…", "Initial U.S. Approval"). */
function labelTitle(title: XmlElement | undefined): string | undefined {
  if (!title) return undefined;
  const lines: string[] = [''];
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') lines[lines.length - 1] += child;
      else if (child.name === 'br') lines.push('');
      else walk(child);
    }
  };
  walk(title);
  const kept = lines.map(collapse).filter((line) => line !== '' && !/^These highlights do not include/i.test(line) && !/^Initial U\.?S\.? Approval/i.test(line));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/**
 * The established pharmacologic class a PLR label states in its highlights:
 * "LIPITOR is an inhibitor of HMG-CoA reductase (statin) indicated …".
 */
function highlightClasses(document: XmlElement): string[] {
  const found: string[] = [];
  for (const excerpt of descendantsNamed(document, 'excerpt')) {
    const text = textOf(excerpt);
    for (const match of text.matchAll(/\bis an? ((?:[\w()/,.-]+ ){0,9}?[\w()/,.-]+?) (?:that is )?indicated\b/g)) addOnce(found, match[1]!);
  }
  return found;
}

function readSection(element: XmlElement): LabelSection {
  const code = childNamed(element, 'code')?.attrs.code;
  const title = textOf(childNamed(element, 'title'));
  const text = childNamed(element, 'text');
  const blocks: Block[] = text ? readBlocks(text) : [];
  const children = childrenNamed(element, 'component')
    .map((component) => childNamed(component, 'section'))
    .filter(isElement)
    .map(readSection);
  return { ...(code ? { code } : {}), title, blocks, children };
}

/** The paragraphs, lists and tables of a section's <text>, in order. */
export function readBlocks(text: XmlElement): Block[] {
  const blocks: Block[] = [];
  let loose = '';
  const flush = () => {
    const paragraph = collapse(loose);
    if (paragraph !== '') blocks.push({ kind: 'paragraph', text: paragraph });
    loose = '';
  };
  for (const child of text.children) {
    if (typeof child === 'string') {
      loose += child;
      continue;
    }
    if (child.name === 'paragraph') {
      flush();
      const paragraph = textOf(child, CELL_DROP);
      if (paragraph !== '') blocks.push({ kind: 'paragraph', text: paragraph });
    } else if (child.name === 'list') {
      flush();
      const items = childrenNamed(child, 'item').map((item) => textOf(item, CELL_DROP)).filter((item) => item !== '');
      if (items.length > 0) blocks.push({ kind: 'list', items });
    } else if (child.name === 'table') {
      flush();
      blocks.push({ kind: 'table', table: readTable(child) });
    } else if (child.name === 'renderMultiMedia' || child.name === 'footnote') {
      continue;
    } else {
      loose += ` ${textOf(child, CELL_DROP)} `;
    }
  }
  flush();
  return blocks;
}

/** A <table> (SPL, or openFDA's XHTML) as rows of cells with their spans; <br/> in a cell is a space, footnotes are left out. */
export function readTable(table: XmlElement): LabelTable {
  const caption = textOf(childNamed(table, 'caption'), CELL_DROP) || undefined;
  const rowsOf = (group: XmlElement | undefined) => (group ? childrenNamed(group, 'tr').map(readRow) : []);
  const head = childrenNamed(table, 'thead').flatMap((group) => rowsOf(group));
  const body = [...childrenNamed(table, 'tbody').flatMap((group) => rowsOf(group)), ...rowsOf(table)];
  const foot = childrenNamed(table, 'tfoot').flatMap((group) => rowsOf(group));
  return { ...(caption ? { caption } : {}), headRows: head.length, rows: [...head, ...body, ...foot] };
}

function readRow(row: XmlElement): LabelCell[] {
  return row.children
    .filter((cell): cell is XmlElement => isElement(cell) && (cell.name === 'td' || cell.name === 'th'))
    .map((cell) => ({ text: textOf(cell, TABLE_CELL_DROP), colspan: span(cell.attrs.colspan), rowspan: span(cell.attrs.rowspan) }));
}

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n < 1000 ? n : 1;
}
