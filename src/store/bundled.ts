import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryFiles } from './library-files.js';

/** Where the library compiled from data/ at build time sits: next to the bundled CLI in dist/. */
export function bundledDir(): string {
  return join(__dirname, 'library');
}

export function bundledLibrary(dir = bundledDir()): LibraryFiles {
  return new LibraryFiles((path) => readFileSync(join(dir, path), 'utf8'), 'bundled', 'reinstall medinfo, or run npm run build');
}
