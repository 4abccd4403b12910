import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryFiles } from './library-files.js';

declare const MEDINFO_VERSION: string;

// In the bundle this file's folder is dist/; run from source (tests), it is src/store/.
const defaultDir = typeof MEDINFO_VERSION === 'string' ? join(__dirname, 'library') : join(__dirname, '..', '..', 'dist', 'library');

/** The library compiled from data/ at build time; it sits next to the bundled CLI in dist/. */
export function bundledLibrary(dir = defaultDir): LibraryFiles {
  return new LibraryFiles((path) => readFileSync(join(dir, path), 'utf8'), 'bundled', 'reinstall medinfo, or run npm run build');
}
