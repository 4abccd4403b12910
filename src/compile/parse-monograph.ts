import { Lexer, type Token, type Tokens } from 'marked';
import type { ZodError } from 'zod';
import { DataError } from '../core/errors.js';
import type { Block, DrugRecord, Section, Span } from '../core/monograph.js';
import type { Problem } from '../core/problem.js';
import { FrontMatterSchema } from '../core/schema.js';
import { suggestWords } from '../core/suggest.js';
import { checkBodyNesting } from './body-nesting.js';
import { splitFrontMatter } from './front-matter.js';
import { yamlLines, type LineOf } from './yaml-lines.js';

/** One file, checked: its record when nothing is wrong with it, every problem found otherwise. */
export interface CheckedMonograph {
  record?: DrugRecord;
  problems: Problem[];
  /** The line of a field of its front matter (yaml-lines.ts), for problems found later, across files. */
  lineOf: LineOf;
}

/**
 * Parses one monograph file into a validated drug record.
 * `file` is how the file is named in error messages; `expectedSlug` is its name without `.md`.
 * Throws DataError naming the file, the line and the field of the first problem.
 */
export function parseMonograph(text: string, file: string, expectedSlug: string, classTags: ReadonlySet<string>): DrugRecord {
  const checked = checkMonograph(text, file, expectedSlug, classTags);
  if (!checked.record) throw DataError.from(checked.problems[0]!);
  return checked.record;
}

/**
 * Checks one monograph file against the format: the schema, then what the
 * schema cannot say (the slug is the file's name, source ids are unique and
 * every row's source is one of them, class tags are in the vocabulary, every
 * source is cited or says what it supports), then the body's nesting. Every
 * problem is reported, each with the line of its field; the checks beyond the
 * schema also run on a front matter the schema refused, wherever the values
 * they read are there to read. Problems come in the order of the checks.
 */
export function checkMonograph(text: string, file: string, expectedSlug: string, classTags: ReadonlySet<string>): CheckedMonograph {
  let parsed: ReturnType<typeof splitFrontMatter>;
  try {
    parsed = splitFrontMatter(text, file);
  } catch (error) {
    if (error instanceof DataError) return { problems: [error.toProblem()], lineOf: () => null };
    throw error;
  }
  const lineOf = yamlLines(parsed.yaml);
  const problems: Problem[] = [];
  const report = (field: string | null, message: string) => problems.push({ file, line: lineOf(field), field, message });

  const result = FrontMatterSchema.safeParse(parsed.data);
  if (!result.success) for (const issue of result.error.issues) report(...describeIssue(issue, parsed.data));
  // Beyond the schema, each check leaves alone a field the schema already found wrong.
  const refused = (field: string) => problems.some((p) => p.field !== null && (p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`)));
  const front = (result.success ? result.data : parsed.data) as Record<string, unknown>;

  if (typeof front.slug === 'string' && !refused('slug') && front.slug !== expectedSlug) {
    report('slug', `"${front.slug}" does not match the file name (${expectedSlug}.md)`);
  }
  const sources = rowsOf(front.sources);
  const sourceIds = new Set<string>();
  sources.forEach((source, i) => {
    if (typeof source.id !== 'string') return;
    if (sourceIds.has(source.id) && !refused(`sources[${i}].id`)) report(`sources[${i}].id`, `"${source.id}" is used twice`);
    sourceIds.add(source.id);
  });
  const citedIds = new Set<string>();
  for (const field of ['side_effects', 'studies', 'interactions']) {
    rowsOf(front[field]).forEach((row, i) => {
      if (typeof row.source !== 'string') return;
      citedIds.add(row.source);
      if (!sourceIds.has(row.source) && !refused(`${field}[${i}].source`)) report(`${field}[${i}].source`, `"${row.source}" is not one of this file's sources`);
    });
  }
  if (Array.isArray(front.classes)) {
    front.classes.forEach((tag: unknown, i) => {
      if (typeof tag === 'string' && !classTags.has(tag) && !refused(`classes[${i}]`)) report(`classes[${i}]`, unknownTag(tag, classTags));
    });
  }
  sources.forEach((source, i) => {
    if (typeof source.id === 'string' && !citedIds.has(source.id) && source.supports === undefined && !refused(`sources[${i}]`)) {
      report(`sources[${i}]`, `"${source.id}" is cited by no row; cite it, or say in supports what prose it backs`);
    }
  });

  try {
    checkBodyNesting(parsed.body, file, parsed.bodyLine);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    problems.push(error.toProblem());
    return { problems, lineOf };
  }
  if (!result.success || problems.length > 0) return { problems, lineOf };
  const { sections, blocks } = splitSections(parsed.body);
  return { record: { monograph: { ...result.data, sections }, blocks }, problems, lineOf };
}

/** The objects of a list in the front matter; anything else in it, or no list, gives nothing to check. */
function rowsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null) : [];
}

/** A schema issue as a field and a message in the words of the format. */
function describeIssue(issue: ZodError['issues'][number], data: unknown): [string | null, string] {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const field = path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = !/^[a-z_]+$/.test(issue.keys[0] ?? '')
      ? 'looks like the rest of a value cut at a comma; put values that contain commas in quotes'
      : issue.path.length > 0
        ? 'is not a field here (a comma inside an unquoted value also causes this; quote such values)'
        : 'is not a field of the monograph format (see docs/monograph-format.md)';
  }
  else if (issue.code !== 'custom' && valueAt(data, issue.path) === undefined) message = 'is required';
  return [field || '(front matter)', message];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

function splitSections(body: string): { sections: Section[]; blocks: Block[][] } {
  const sections: Section[] = [];
  const blocks: Block[][] = [];
  let raw: string[] = [];
  let current: Block[] | undefined;
  const close = () => {
    const last = sections.at(-1);
    if (last) last.markdown = raw.join('').trim();
  };
  for (const token of new Lexer().lex(body)) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= 2) {
      close();
      sections.push({ title: (token as Tokens.Heading).text.trim(), markdown: '' });
      current = [];
      blocks.push(current);
      raw = [];
      continue;
    }
    if (!current) {
      if (token.type === 'space') continue;
      sections.push({ title: 'Overview', markdown: '' });
      current = [];
      blocks.push(current);
    }
    raw.push(token.raw);
    addBlocks(token, current);
  }
  close();
  return { sections, blocks };
}

/** Appends a block token's blocks to `out` (pushing one by one: a spread of a huge array overflows the stack). */
function addBlocks(token: Token, out: Block[]): void {
  switch (token.type) {
    case 'space':
      return;
    case 'heading':
      out.push({ type: 'heading', spans: spansOf((token as Tokens.Heading).tokens) });
      return;
    case 'paragraph':
      out.push({ type: 'paragraph', spans: spansOf((token as Tokens.Paragraph).tokens) });
      return;
    case 'list': {
      const list = token as Tokens.List;
      out.push({ type: 'list', ordered: list.ordered, items: list.items.map((item) => spansOf(item.tokens)) });
      return;
    }
    case 'code':
      out.push({ type: 'code', text: (token as Tokens.Code).text });
      return;
    case 'blockquote':
      // Recursion is bounded here: checkBodyNesting has refused deep quotes.
      for (const inner of (token as Tokens.Blockquote).tokens) addBlocks(inner, out);
      return;
    default:
      if ('text' in token && typeof token.text === 'string' && token.text.trim()) out.push({ type: 'paragraph', spans: [{ text: token.text.trim() }] });
  }
}

type Style = Omit<Span, 'text'>;
type Pending = { kind: 'token'; token: Token; style: Style } | { kind: 'text'; text: string; style: Style };

/**
 * Inline tokens as styled spans. Walks with its own stack, not recursion,
 * so no nesting of emphasis can overflow the call stack.
 */
function spansOf(tokens: Token[] | undefined, base: Style = {}): Span[] {
  const spans: Span[] = [];
  const pending: Pending[] = [];
  const later = (list: Token[] | undefined, style: Style) => {
    for (let i = (list?.length ?? 0) - 1; i >= 0; i--) pending.push({ kind: 'token', token: list![i]!, style });
  };
  later(tokens, base);
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.kind === 'text') {
      spans.push({ ...next.style, text: next.text });
      continue;
    }
    const { token, style } = next;
    const nested = (token as { tokens?: Token[] }).tokens;
    switch (token.type) {
      case 'strong':
        later(nested, { ...style, bold: true });
        break;
      case 'em':
        later(nested, { ...style, italic: true });
        break;
      case 'codespan':
        spans.push({ ...style, code: true, text: (token as Tokens.Codespan).text });
        break;
      case 'br':
        spans.push({ ...style, text: ' ' });
        break;
      case 'list': {
        // A nested list inside a list item: keep its items inline, separated.
        const items = (token as Tokens.List).items;
        for (let i = items.length - 1; i >= 0; i--) {
          later(items[i]!.tokens, style);
          pending.push({ kind: 'text', text: ' — ', style });
        }
        break;
      }
      default:
        if (nested && nested.length > 0) later(nested, style);
        else if ('text' in token && typeof token.text === 'string') spans.push({ ...style, text: foldLines(token.text) });
    }
  }
  return mergeSpans(spans);
}

// Each run of white space that holds a line break becomes one space, in one pass
// (the earlier \s*\n\s* took quadratic time on a long run of spaces).
function foldLines(text: string): string {
  return text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && last.bold === span.bold && last.italic === span.italic && last.code === span.code) last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
}

/** "not a known class tag", with the nearest tag when one is close: a user folder's author fixes a typo in one step. */
function unknownTag(tag: string, known: ReadonlySet<string>): string {
  const [near] = suggestWords([...known], tag, 1);
  return `"${tag}" is not a known class tag (${near ? `did you mean ${near}? ` : ''}medinfo classes lists them)`;
}
