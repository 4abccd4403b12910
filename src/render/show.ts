import type { DrugRecord, Monograph } from '../core/monograph.js';
import { sideEffectsReport } from '../core/side-effects.js';
import { renderInteractions } from './interactions.js';
import { renderBlocks } from './markdown.js';
import { NOT_ADVICE } from './notice.js';
import type { Output } from './output.js';
import { cleanLine } from './sanitize.js';
import { renderSideEffects } from './side-effects.js';
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
  field('Brands', list(monograph.brands));
  field('Also called', list(monograph.aliases));
  field('Classes', list(monograph.classes));
  field('Uses', list(monograph.uses));
  field('Status', `${monograph.rx} · reviewed ${monograph.reviewed}`);
  if (monograph.look_alikes.length > 0) {
    for (const line of wrapText(style.yellow(`Often confused with: ${list(monograph.look_alikes)}`), output, '', '    ')) lines.push(line);
  }
  return lines;
}

/** `medinfo show`: the whole monograph, or one section of it. */
export function renderShow(record: DrugRecord, output: Output, section?: number): string {
  const { monograph } = record;
  const { style } = output;
  let lines = renderHeader(monograph, output);
  const indexes = section === undefined ? monograph.sections.map((_, i) => i) : [section];
  for (const i of indexes) {
    lines = lines.concat('', style.bold.cyan(cleanLine(monograph.sections[i]!.title)), renderBlocks(record.blocks[i] ?? [], output));
  }
  if (section === undefined) {
    if (monograph.side_effects.length > 0) {
      const { side_effects: effects } = sideEffectsReport(monograph, { sort: 'percent' });
      lines = lines.concat('', style.bold.cyan('Side-effect figures'), renderSideEffects(monograph, effects, output));
    }
    if (monograph.studies.length > 0) lines = lines.concat('', style.bold.cyan('Studies'), renderStudies(monograph, output));
    if (monograph.interactions.length > 0) {
      lines = lines.concat('', style.bold.cyan('Interactions'), renderInteractions(monograph, output));
    }
    lines = lines.concat('', renderSources(monograph, output));
  }
  lines.push('', style.dim(NOT_ADVICE));
  return `${lines.join('\n')}\n`;
}
