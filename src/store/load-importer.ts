import { createRequire } from 'node:module';

/**
 * `medinfo import` (the XML and zip readers, the label-class mapping) is a bundle
 * of its own next to the CLI's, loaded only when that command runs, so that no
 * other command pays for it at start-up.
 */
export function loadImporter(): typeof import('../import/importer.js') {
  return createRequire(__filename)('./importer.cjs') as typeof import('../import/importer.js');
}
