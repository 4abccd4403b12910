import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryFiles } from './library-files.js';

/** The library compiled from data/ at build time; it sits next to the bundled CLI in dist/. */
export function bundledLibrary(dir = join(__dirname, 'library')): LibraryFiles {
  return new LibraryFiles((path) => readFileSync(join(dir, path), 'utf8'), 'bundled', 'reinstall medinfo, or run npm run build');
}
