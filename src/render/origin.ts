import type { Origin } from '../core/catalog.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';
import { wrapText } from './wrap.js';

/**
 * The line under a drug's name that says where a user's copy of it comes
 * from: in yellow when it takes the place of the bundled monograph (its
 * figures are the user's, not medinfo's), dimmed when the drug is new. The
 * bundled library's drugs get no line.
 */
export function renderOrigin(origin: Origin | undefined, output: Output): string[] {
  if (!origin || origin.kind === 'bundled') return [];
  const where = origin.kind === 'folder' ? `From ${origin.folder.replace(/\/+$/, '')}/${origin.file}` : `From the library ${origin.folder}`;
  const text = origin.replaces_bundled ? `${where}, which replaces the bundled monograph` : where;
  const paint = origin.replaces_bundled ? output.style.yellow : output.style.dim;
  return wrapText(cleanLine(text), output, '', '    ').map((line) => paint(line));
}
