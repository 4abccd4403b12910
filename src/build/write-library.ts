import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes a compiled library to `dir`, replacing what was there. The files go
 * to a temporary sibling first and are renamed into place, so a reader never
 * sees half a library.
 */
export function writeLibrary(dir: string, files: Map<string, string>): void {
  const temporary = writeTemporary(dir, files);
  const old = `${dir}.old-${process.pid}`;
  try {
    renameSync(dir, old);
  } catch {
    // nothing there yet
  }
  renameSync(temporary, dir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Writes a library to `dir` unless it is already there. For cache entries,
 * which are named after their content: an entry, once renamed into place, is
 * never changed or moved, so a run reading it cannot see it change under it.
 * Returns false if another run published it first.
 */
export function publishOnce(dir: string, files: Map<string, string>): boolean {
  const temporary = writeTemporary(dir, files);
  try {
    renameSync(temporary, dir);
    return true;
  } catch {
    rmSync(temporary, { recursive: true, force: true });
    return false;
  }
}

function writeTemporary(dir: string, files: Map<string, string>): string {
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  for (const [path, text] of files) {
    const target = join(temporary, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return temporary;
}
