import type { Validation } from './compile/validate.js';
import type { ImportVocabulary } from './import/write-monograph.js';
import type { Catalog } from './core/catalog.js';
import type { Output } from './io/output.js';
import type { OutputCache } from './store/output-cache.js';
import type { Sink } from './io/stdout.js';
import { compileProgress, progressLine } from './io/progress.js';
import { stdinLines } from './io/stdin.js';
import { bundledLibrary } from './store/bundled.js';
import { userFolders } from './store/folders.js';

/** What a run writes to and reads its settings from: the real process, or buffers in a test. */
export interface Streams {
  stdout: Sink;
  /** isTTY when stderr is a terminal: `compile` and `import` show their progress there. */
  stderr: () => { write(text: string): unknown; isTTY?: boolean };
  /** All of stdin, read when a command is given `-`. */
  stdin: () => string;
  env: NodeJS.ProcessEnv;
}

/** What every command gets: the output decided at start-up, and the libraries to read. */
export interface Context {
  output: Output;
  catalog(): Promise<Catalog>;
  /** The libraries a run given these --data-dir folders would read: completion reads those on the line it completes. */
  catalogFor(dataDirs: readonly string[]): Promise<Catalog>;
  /** Drug names on stdin, for `-`: one per line, blank lines and # comments skipped. */
  stdinLines(): string[];
  /** `medinfo compile`: compiles a folder of monographs into `out`; returns how many drugs it holds. */
  compile(folder: string, out: string): Promise<number>;
  /** `medinfo validate`: checks monograph files and folders (the bundled monographs when none is named). */
  validate(paths: readonly string[]): Promise<Validation>;
  /** `medinfo import`: the label importer (a bundle of its own) and what it needs to know of the bundled library. */
  importer(): Promise<{ importer: typeof import('./import/importer.js'); vocabulary: ImportVocabulary }>;
  /** The cache entry of one whole output of this run's libraries (store/output-cache.ts), when there can be one. */
  outputCache(what: string): Promise<OutputCache | undefined>;
  /** A progress line on stderr, written over itself, only when stderr is a terminal; '' clears it. */
  progress(text: string): void;
}

/**
 * The context of one run: `dataDirs` are the --data-dir folders, in the order
 * given; with MEDINFO_PATH's after them (store/folders.ts), they come before
 * the bundled library, and the first that has a drug answers for it.
 */
export function createContext(output: Output, dataDirs: readonly string[], streams: Streams): Context {
  const { env } = streams;
  const warn = (message: string) => output.err(`medinfo: warning: ${message}`);
  // The folders of a run: these --data-dir folders, then MEDINFO_PATH's, before the bundled library.
  const open = async (dirs: readonly string[]): Promise<Catalog> => {
    const bundled = bundledLibrary();
    const folders = userFolders(dirs, env);
    if (folders.length === 0) return [bundled];
    const { openUserFolders } = await import('./store/user-folder.js');
    return [...openUserFolders(folders, bundled, env, warn), bundled];
  };
  // The run's own libraries, opened once.
  let opened: Promise<Catalog> | undefined;
  const catalog = () => (opened ??= open(dataDirs));
  return {
    output,
    stdinLines: () => stdinLines(streams.stdin),
    compile: async (folder, out) => {
      const { compileDataDir } = await import('./store/compile-data-dir.js');
      return compileDataDir(folder, out, bundledLibrary(), warn, compileProgress(progressLine(streams.stderr)));
    },
    validate: async (paths) => {
      const { validatePaths } = await import('./store/validate-paths.js');
      return validatePaths(paths, bundledLibrary());
    },
    importer: async () => {
      const { loadImporter } = await import('./store/load-importer.js');
      const importer = loadImporter();
      const bundled = bundledLibrary();
      return { importer, vocabulary: importer.importVocabulary(bundled.manifest().classes, bundled.drugs()) };
    },
    progress: progressLine(streams.stderr),
    catalog,
    outputCache: async (what) => {
      const { outputCache } = await import('./store/output-cache.js');
      return outputCache(await catalog(), env, what);
    },
    catalogFor: open,
  };
}
