import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryFiles } from '../library/library-files.js';

declare const MEDINFO_VERSION: string;

/** Where the library compiled from data/ at build time sits: next to the bundled CLI in dist/ (run from source, as tests do, dist/ beside src/). */
export function bundledDir(): string {
  return typeof MEDINFO_VERSION === 'string' ? join(__dirname, 'library') : join(__dirname, '..', '..', 'dist', 'library');
}

/** Where the monographs the bundled library was compiled from sit: data/ beside dist/, in a checkout as in an installed package. */
export function bundledDataDir(): string {
  return typeof MEDINFO_VERSION === 'string' ? join(__dirname, '..', 'data') : join(__dirname, '..', '..', 'data');
}

export function bundledLibrary(dir = bundledDir()): LibraryFiles {
  return new LibraryFiles(
    (path) => readFileSync(join(dir, path), 'utf8'),
    'bundled',
    'reinstall medinfo, or run npm run build',
    false,
    { kind: 'bundled', folder: dir },
    (path) => readFileSync(join(dir, path)),
    // The build's digest of every file: the bundled library changes only by being built again.
    (library) => `bundled ${library.manifest().fingerprint}`,
  );
}
