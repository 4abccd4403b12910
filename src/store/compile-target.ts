import { basename, dirname, join, resolve, sep } from 'node:path';
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { COMPILED_BY, paths } from '../library/library-format.js';

/**
 * Where `medinfo compile` may write its library: a new or empty folder, or one
 * it wrote itself (it holds the marker file), and never the folder it
 * compiles from, a folder around that one, or medinfo's bundled library.
 * Paths are compared as real paths, so no symbolic link or `..` disguises one
 * of them. Returns the real path to write to; a refusal is a UsageError.
 */
export function compileTarget(out: string, source: string, bundled: string): string {
  const target = realPathOf(resolve(out));
  const from = realpathSync(source);
  const shipped = realPathOf(bundled);
  if (target === from) throw new UsageError(`"${out}" is the folder being compiled; refusing to replace it`);
  if (isInside(from, target)) throw new UsageError(`"${out}" holds the folder being compiled; refusing to replace it`);
  if (isInside(target, from)) throw new UsageError(`the compiled library cannot go inside the folder it is compiled from ("${source}")`);
  if (target === shipped) throw new UsageError(`"${out}" is medinfo's bundled library; refusing to replace it`);
  if (isInside(shipped, target)) throw new UsageError(`"${out}" holds medinfo's bundled library; refusing to replace it`);
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (stat === undefined) return target;
  if (!stat.isDirectory()) throw new UsageError(`"${out}" is not a folder; refusing to replace it`);
  if (readdirSync(target).length > 0 && !wasCompiled(target)) {
    throw new UsageError(`"${out}" is not empty and not a compiled medinfo library; refusing to replace it`);
  }
  return target;
}

/** True if `folder` holds the marker `medinfo compile` writes. */
function wasCompiled(folder: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(join(folder, paths.marker), 'utf8')) as { written_by?: unknown; format?: unknown };
    return marker.written_by === COMPILED_BY && Number.isInteger(marker.format);
  } catch {
    return false;
  }
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

/** The real path of `path`, which need not exist yet: its nearest existing ancestor's, resolved. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}
