import type { Block, Span } from '../core/monograph.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { wrapText } from './wrap.js';

/**
 * Section blocks as lines of text (see wrapText), emphasis as color/bold where allowed.
 * Lines are pushed one at a time here and in the other renderers: spreading a
 * huge array into push() overflows the call stack.
 */
export function renderBlocks(blocks: readonly Block[], output: Output, indent = 2): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  const wrap = (text: string, hanging: string, first: string) => wrapText(text, output, pad + first, pad + hanging);

  for (const block of blocks) {
    if (lines.length > 0) lines.push('');
    switch (block.type) {
      case 'heading':
        for (const line of wrap(output.style.bold(spansText(block.spans, output)), '', '')) lines.push(line);
        break;
      case 'paragraph':
        for (const line of wrap(spansText(block.spans, output), '', '')) lines.push(line);
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${i + 1}. ` : output.isTerminal ? '• ' : '- ';
          for (const line of wrap(spansText(item, output), ' '.repeat(marker.length), marker)) lines.push(line);
        });
        break;
      case 'code':
        for (const line of block.text.split('\n')) lines.push(`${pad}  ${output.style.cyan(cleanLine(line))}`);
        break;
    }
  }
  return lines;
}

function spansText(spans: readonly Span[], output: Output): string {
  const { style } = output;
  return spans
    .map((span) => {
      let text = cleanLine(span.text);
      if (span.code) text = style.cyan(text);
      if (span.bold) text = style.bold(text);
      if (span.italic) text = style.italic(text);
      return text;
    })
    .join('');
}
