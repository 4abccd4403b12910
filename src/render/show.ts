import type { Monograph } from '../core/monograph.js';
import type { ShowReport } from '../core/show.js';
import { renderInteractions } from './interactions.js';
import { renderBlocks } from './markdown.js';
import { notAdvice } from './notice.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { renderGaps, renderSideEffects } from './side-effects.js';
import { renderOrigin } from './origin.js';
import { renderSources } from './sources.js';
import { renderStudies } from './studies.js';
import { wrapText } from './wrap.js';

/** The name line and the facts under it: brands, aliases, classes, uses, look-alikes. */
export function renderHeader(monograph: Monograph, output: Output): string[] {
  const { style } = output;
  const list = (items: readonly string[]) => items.map(cleanLine).join(', ');
  const lines = [style.bold.underline(cleanLine(monograph.name))];
  const field = (label: string, value: string) => {
    if (value) for (const line of wrapText(`${style.dim(`${label}:`)} ${value}`, output, '', '    ')) lines.push(line);
  };
  field('Contains', list(monograph.ingredients ?? []));
  field('Brands', list(monograph.brands));
  field('Also called', list(monograph.aliases));
  field('Classes', list(monograph.classes));
  field('Uses', list(monograph.uses));
  field('Status', `${monograph.kind ? `${monograph.kind}, ` : ''}${monograph.rx} · reviewed ${monograph.reviewed}`);
  if (monograph.look_alikes.length > 0) {
    for (const line of wrapText(style.yellow(`Often confused with: ${list(monograph.look_alikes)}`), output, '', '    ')) lines.push(line);
  }
  return lines;
}

/**
 * `medinfo show`: the whole monograph, or one section of it; a user's copy
 * says under its name where it comes from. A document: piped, it stays whole on stdout.
 */
export function renderShow(report: ShowReport, output: Output): string {
  const { monograph, blocks, section } = report;
  const { style } = output;
  const [name, ...facts] = renderHeader(monograph, output);
  // Parts are joined with concat, never spread into push: a part can hold more lines than a call takes arguments.
  const parts: string[][] = [[name!], renderOrigin(report.origin, output), facts];
  const indexes = section === undefined ? monograph.sections.map((_, i) => i) : [section];
  for (const i of indexes) {
    parts.push(['', style.bold.cyan(cleanLine(monograph.sections[i]!.title))], renderBlocks(blocks[i] ?? [], output));
  }
  if (section === undefined) {
    if (monograph.side_effects.length > 0) {
      const figures = { ...report.side_effects, sources: report.sources };
      parts.push(['', style.bold.cyan('Side-effect figures')], renderSideEffects(figures, output, 'document'), renderGaps(monograph.gaps, output));
    } else {
      // A monograph with no figures can still say what it could not confirm (a combination product's own label).
      parts.push(renderGaps(monograph.gaps, output));
    }
    if (monograph.studies.length > 0) parts.push(['', style.bold.cyan('Studies')], renderStudies(monograph.studies, report.sources, output));
    if (monograph.interactions.length > 0) parts.push(['', style.bold.cyan('Interactions')], renderInteractions(monograph.interactions, report.sources, output));
    parts.push([''], renderSources(report.sources, output));
  }
  parts.push(['', notAdvice(output)]);
  return `${parts.flat().join('\n')}\n`;
}
