import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileText, LibrarySink } from './compile-library.js';

/**
 * Writes a compiled library to `dir`, replacing what was there. The files go
 * to a temporary sibling first and are renamed into place, so a reader never
 * sees half a library. `confirm` runs just before the old library is moved
 * aside and can still refuse, by throwing; nothing is replaced then.
 */
export function writeLibrary(dir: string, files: Map<string, string>, confirm: () => void = () => undefined): void {
  writeLibraryAs(dir, (sink) => files.forEach((text, path) => sink.write(path, text)), confirm);
}

/**
 * writeLibrary for a library made as it is written: `fill` writes its files
 * into the temporary folder through `sink`, so none of them need be held in
 * memory. If `fill` throws, nothing is replaced and the folder is removed.
 */
export function writeLibraryAs(dir: string, fill: (sink: LibrarySink) => void, confirm: () => void = () => undefined): void {
  const temporary = temporaryFolder(dir);
  try {
    fill(folderSink(temporary));
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
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
  const temporary = temporaryFolder(dir, mode);
  const sink = folderSink(temporary, mode);
  for (const [path, text] of files) sink.write(path, text);
  return temporary;
}

function temporaryFolder(dir: string, mode = 0o777): string {
  mkdirSync(dirname(dir), { recursive: true, mode });
  const temporary = sibling(dir, 'tmp');
  // Not recursive: fails rather than write into a folder that is already there.
  mkdirSync(temporary, { mode });
  return temporary;
}

/** Files written into `folder` as they come, its subfolders made once each. */
function folderSink(folder: string, mode = 0o777): LibrarySink {
  const made = new Set<string>();
  return {
    write: (path, text) => {
      const target = join(folder, path);
      const parent = dirname(target);
      if (!made.has(parent)) mkdirSync(parent, { recursive: true, mode });
      made.add(parent);
      if (typeof text === 'string') writeFileSync(target, text);
      else writeParts(target, text);
    },
    read: (path) => readFileSync(join(folder, path), 'utf8'),
    remove: (path) => rmSync(join(folder, path), { force: true }),
  };
}

// Parts are gathered into writes of about this many characters: a write per drug's line is tens of thousands of them.
const WRITE_SIZE = 65_536;

function writeParts(target: string, parts: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const part of parts) {
      pending.push(part);
      size += part.length;
      if (size >= WRITE_SIZE) {
        writeAll(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    writeAll(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/** A name next to `dir` that no other run uses: process ids are reused, in containers soon. */
function sibling(dir: string, kind: 'tmp' | 'old'): string {
  return `${dir}.${kind}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
