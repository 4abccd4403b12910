import type { Section } from './monograph.js';

/**
 * A monograph's prose as plain sentences, in order, section by section: what
 * a search result's snippet is chosen from. Compile works them out once per
 * drug (the library's `rows/`), so a search does no Markdown or sentence
 * splitting of its own. No sentence holds a line break.
 */
export function sentencesOf(sections: readonly Section[]): string[] {
  return sections.flatMap((section) => plainText(section.markdown).split(/(?<=[.!?])\s+/));
}

function plainText(markdown: string): string {
  // Line by line: /^\s*.../m tried at every line start would be quadratic on thousands of blank lines.
  return markdown
    .split('\n')
    .map((line) => line.replace(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+/, '').replace(/^#+[ \t]*/, ''))
    .join('\n')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
