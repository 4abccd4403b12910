import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes a compiled library to `dir`, replacing what was there. The files go
 * to a temporary sibling first and are renamed into place, so a reader never
 * sees half a library. `confirm` runs just before the old library is moved
 * aside and can still refuse, by throwing; nothing is replaced then.
 */
export function writeLibrary(dir: string, files: Map<string, string>, confirm: () => void = () => undefined): void {
  const temporary = writeTemporary(dir, files);
  let old: string | undefined;
  try {
    confirm();
    if (existsSync(dir)) {
      old = sibling(dir, 'old');
      renameSync(dir, old);
    }
    renameSync(temporary, dir);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (old !== undefined && !existsSync(dir)) renameSync(old, dir);
    throw error;
  }
  if (old !== undefined) rmSync(old, { recursive: true, force: true });
}

/**
 * Writes a library to `dir` unless it is already there. For cache entries,
 * which are named after their content: an entry, once renamed into place, is
 * never changed or moved, so a run reading it cannot see it change under it.
 * Folders are made with `mode`. Returns false if another run published it first.
 */
export function publishOnce(dir: string, files: Map<string, string>, mode = 0o777): boolean {
  const temporary = writeTemporary(dir, files, mode);
  try {
    renameSync(temporary, dir);
    return true;
  } catch {
    rmSync(temporary, { recursive: true, force: true });
    return false;
  }
}

function writeTemporary(dir: string, files: Map<string, string>, mode = 0o777): string {
  mkdirSync(dirname(dir), { recursive: true, mode });
  const temporary = sibling(dir, 'tmp');
  // Not recursive: fails rather than write into a folder that is already there.
  mkdirSync(temporary, { mode });
  for (const [path, text] of files) {
    const target = join(temporary, path);
    mkdirSync(dirname(target), { recursive: true, mode });
    writeFileSync(target, text);
  }
  return temporary;
}

/** A name next to `dir` that no other run uses: process ids are reused, in containers soon. */
function sibling(dir: string, kind: 'tmp' | 'old'): string {
  return `${dir}.${kind}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
