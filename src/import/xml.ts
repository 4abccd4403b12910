import { SaxesParser } from 'saxes';

/** An element of a parsed XML document: its name without a prefix, attributes, and children in document order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Thrown for text that is not well-formed XML; the caller names the file. */
export class XmlSyntaxError extends Error {}

// HTML's named entities that openFDA's table HTML uses; XML's own five (&lt; and the rest) stay for saxes.
const HTML_ENTITIES: Record<string, string> = { nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', le: '\u2264', ge: '\u2265', plusmn: '\u00b1', micro: '\u00b5', deg: '\u00b0', reg: '\u00ae', trade: '\u2122', copy: '\u00a9', middot: '\u00b7', times: '\u00d7', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', bull: '\u2022', dagger: '\u2020', Dagger: '\u2021', sect: '\u00a7', para: '\u00b6', frac12: '\u00bd', frac14: '\u00bc', hellip: '\u2026' };

/**
 * Parses XML into a small tree. saxes gives text and elements in document
 * order, so a table cell keeps its words around a <footnote> or <sup>.
 * `html` accepts a fragment (several roots) with HTML's named entities, as
 * openFDA's `*_table` fields hold.
 */
export function parseXml(text: string, { html = false }: { html?: boolean } = {}): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attrs[localName(key)] = String(value);
    const element: XmlElement = { name: localName(tag.name), attrs, children: [] };
    stack.at(-1)!.children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing && stack.length > 1) stack.pop();
  });
  const addText = (chunk: string) => {
    const children = stack.at(-1)!.children;
    const last = children.at(-1);
    if (typeof last === 'string') children[children.length - 1] = last + chunk;
    else children.push(chunk);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  const source = html ? `<fragment>${text.replace(/&([a-zA-Z][a-zA-Z0-9]*);/g, (whole, name: string) => HTML_ENTITIES[name] ?? whole)}</fragment>` : text;
  try {
    parser.write(source).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new XmlSyntaxError(failure.message.split('\n')[0]!);
  return html ? (root.children.find(isElement) ?? root) : root;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** The element children of `node` called `name`. */
export function childrenNamed(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((child): child is XmlElement => isElement(child) && child.name === name);
}

export function childNamed(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node?.children.find((child): child is XmlElement => isElement(child) && child.name === name);
}

/** The first element at the end of a path of child names. */
export function childPath(node: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = node;
  for (const name of names) at = childNamed(at, name);
  return at;
}

/** Every element called `name` under `node`, in document order, not looking inside one found. */
export function descendantsNamed(node: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === name) found.push(child);
    else descendantsNamed(child, name, found);
  }
  return found;
}

/**
 * The text of an element with its whitespace collapsed, <br/> as a space;
 * elements named in `drop` (footnotes, superscript markers) are left out.
 */
export function textOf(node: XmlNode | undefined, drop: ReadonlySet<string> = NO_DROP): string {
  return collapse(rawText(node, drop));
}

const NO_DROP: ReadonlySet<string> = new Set();

function rawText(node: XmlNode | undefined, drop: ReadonlySet<string>): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (drop.has(node.name)) return ' ';
  if (node.name === 'br') return ' ';
  let text = '';
  for (const child of node.children) text += rawText(child, drop);
  return node.name === 'paragraph' || node.name === 'item' || node.name === 'td' || node.name === 'th' ? ` ${text} ` : text;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
