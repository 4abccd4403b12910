import type { FrontMatter } from './schema.js';

export type { FrontMatter, SideEffect, Study, Interaction, Source, PercentValue, Severity } from './schema.js';

/** One `##` section of a monograph's body, as markdown. */
export interface Section {
  title: string;
  markdown: string;
}

/** A drug monograph: the validated front matter plus the body's sections. This is also the JSON output. */
export type Monograph = FrontMatter & { sections: Section[] };

/** Inline text with emphasis, ready for a renderer (no markdown parser at run time). */
export interface Span {
  text: string;
  bold?: true;
  italic?: true;
  code?: true;
}

export type Block =
  | { type: 'heading'; spans: Span[] }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; ordered: boolean; items: Span[][] }
  | { type: 'code'; text: string };

/** What the library stores per drug: the monograph and its sections pre-parsed into blocks. */
export interface DrugRecord {
  monograph: Monograph;
  blocks: Block[][];
}
