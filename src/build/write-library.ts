import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes a compiled library to `dir`, replacing what was there. The files go
 * to a temporary sibling first and are renamed into place, so a reader never
 * sees half a library.
 */
export function writeLibrary(dir: string, files: Map<string, string>): void {
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(temporary, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const old = `${dir}.old-${process.pid}`;
  try {
    renameSync(dir, old);
  } catch {
    // nothing there yet
  }
  renameSync(temporary, dir);
  rmSync(old, { recursive: true, force: true });
}
