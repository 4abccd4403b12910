import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { LibraryReader } from '../library/library-reader.js';
import type { Validation } from '../compile/validate.js';
import { bundledDataDir } from './bundled.js';
import { loadCompiler } from './load-compiler.js';
import { isCompiledLibrary, monographNames } from './user-folder.js';

/**
 * `medinfo validate`: checks the files and folders named (a folder's `*.md`
 * files), all together, as `--data-dir` would load them; with none named, the
 * bundled library's own monographs, as the build checks them. A name that is
 * neither a file nor a folder, or a library made by `medinfo compile`, is a
 * UsageError: there is nothing to validate in it.
 */
export function validatePaths(args: readonly string[], bundled: LibraryReader, cwd = process.cwd()): Validation {
  const compiler = loadCompiler();
  if (args.length === 0) {
    const folder = bundledDataDir();
    if (statSync(folder, { throwIfNoEntry: false })?.isDirectory() !== true) {
      throw new UsageError(`the bundled monographs are not installed (no folder ${folder}); name the files or folders to validate`);
    }
    return compiler.validateLibraryFolder(folder, (path) => shortPath(path, cwd));
  }
  const targets = new Map<string, { path: string; label: string }>();
  for (const arg of args) {
    for (const target of filesOf(arg)) if (!targets.has(resolve(target.path))) targets.set(resolve(target.path), target);
  }
  return compiler.validateFiles([...targets.values()], bundled);
}

function filesOf(arg: string): Array<{ path: string; label: string }> {
  let stat;
  try {
    stat = statSync(arg);
  } catch {
    throw new UsageError(`validate: "${arg}" is not a file or folder that can be read`);
  }
  if (!stat.isDirectory()) return [{ path: arg, label: arg }];
  if (isCompiledLibrary(arg)) throw new UsageError(`validate: "${arg}" is a library made by medinfo compile; validate the folder of monographs it was compiled from`);
  return monographNames(arg, arg, 'validate: ').map((name) => ({ path: join(arg, name), label: join(arg, name) }));
}

/** A path under the working folder as a relative one (data/baclofen.md), any other as it is. */
function shortPath(path: string, cwd: string): string {
  const short = relative(cwd, path);
  return short === '' || short.startsWith('..') || isAbsolute(short) ? path : short;
}
