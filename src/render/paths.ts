import type { Layer } from '../core/catalog.js';
import type { Output } from '../io/output.js';
import type { Page } from './page.js';
import { renderTable } from './table.js';
import { wrapText } from './wrap.js';

/** `medinfo paths`: one row per library, in the order they are read, then the rule that decides between copies. */
export function renderPaths(layers: readonly Layer[], output: Output): Page {
  const table = renderTable(
    [
      { title: 'Folder' },
      { title: 'From' },
      { title: 'Kind' },
      { title: 'Drugs', align: 'right' },
      { title: 'Replaces', align: 'right' },
      { title: 'Shadowed', align: 'right' },
    ],
    layers.map((layer) => [layer.folder, layer.from, layer.kind, String(layer.drugs), String(layer.replaces), String(layer.shadowed)]),
    output,
  );
  const rule = wrapText(
    'Read in this order: --data-dir folders, MEDINFO_PATH folders, the bundled library; the first that has a drug answers for it. Replaces: its copies that hide a later one. Shadowed: its copies an earlier one hides.',
    output,
    '',
    '',
  ).map((line) => output.style.dim(line));
  return { head: [], body: table.split('\n'), tail: rule };
}
