import { join } from 'node:path';
import { digest } from '../core/hash.js';
import { skipWarnings, type Problem } from '../core/problem.js';
import type { LibraryPlace, LibraryReader } from '../library/library-reader.js';
import type { ListKind } from '../library/library-format.js';
import { cacheDir, cacheVersion, discard, keepIfOwnFolder, prepare, readPrivate, removeStale, type CacheDir } from './cache-dir.js';
import { LibraryFiles } from '../library/library-files.js';
import { loadCompiler } from './load-compiler.js';

const PROBLEMS = 'problems.json';

/** A folder of monographs to open through the cache. */
export interface FolderSource {
  folder: string;
  place?: LibraryPlace;
  /** What the folder's content is keyed by: one line per file, its name and stamp. */
  stamps: string[];
  /** False when a file changed too recently for its stamp to be trusted: then nothing is cached. */
  settled: boolean;
  /** Compiles the folder against the bundled library; invalid files come back as problems. */
  compile(): { files: Map<string, string>; problems: Problem[] };
}

/**
 * Opens a folder of monographs compiled, from the cache when an entry for its
 * exact state is there (cache-dir.ts), else compiled now and published for the
 * next run. The cache can never fail a command: an entry that cannot be
 * trusted or read, up front or halfway through the command, is discarded and
 * the folder compiled again in memory, at most once per run. Invalid files are
 * reported through `warn` on every run and left out.
 */
export function openCachedFolder(source: FolderSource, bundled: LibraryReader, env: NodeJS.ProcessEnv, warn: (message: string) => void): LibraryReader {
  const key = [cacheVersion(), `bundled ${bundled.manifest().fingerprint}`, ...source.stamps].join('\n');
  const cache = cacheDir(env, 'folders', source.folder);
  const name = digest(key);
  const entry = join(cache.dir, name);

  const compileNow = (report: boolean): LibraryReader => {
    const compiled = source.compile();
    if (report) skipWarnings(compiled.problems).forEach(warn);
    compiled.files.set(PROBLEMS, JSON.stringify(compiled.problems));
    if (cache.usable && source.settled) publish(cache, source.folder, name, compiled.files);
    return new LibraryFiles((path) => compiled.files.get(path) ?? missing(path), source.folder, 'check the folder', true, source.place, undefined, listState);
  };

  // The entry's name digests every file's stamp; unsettled stamps name nothing.
  const listState = () => (source.settled ? `folder ${name}` : undefined);
  const cached = cache.usable ? readEntry(entry, source.folder, source.place, listState) : undefined;
  if (!cached) return compileNow(true);
  skipWarnings(cached.problems).forEach(warn);
  return new SelfRepairing(cached.library, () => {
    discard(entry);
    // The problems were reported from the entry already.
    return compileNow(false);
  });
}

function readEntry(entry: string, folder: string, place: LibraryPlace | undefined, listState: () => string | undefined): { library: LibraryReader; problems: Problem[] } | undefined {
  if (!keepIfOwnFolder(entry)) return undefined;
  try {
    const problems = JSON.parse(readPrivate(join(entry, PROBLEMS))) as unknown;
    if (!Array.isArray(problems) || !problems.every(isProblem)) throw new Error('not a list of problems');
    const library = new LibraryFiles((path) => readPrivate(join(entry, path)), folder, 'delete the medinfo cache folder', true, place, undefined, listState);
    library.manifest();
    return { library, problems };
  } catch {
    discard(entry);
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const { file, line, field, message } = value as Record<string, unknown>;
  return (
    typeof file === 'string' &&
    (line === null || (typeof line === 'number' && Number.isSafeInteger(line) && line > 0)) &&
    (field === null || typeof field === 'string') &&
    typeof message === 'string'
  );
}

function publish(cache: CacheDir, folder: string, name: string, files: Map<string, string>): void {
  try {
    prepare(cache, folder);
    loadCompiler().publishOnce(join(cache.dir, name), files, 0o700);
    removeStale(cache, name);
  } catch {
    // An unwritable or contested cache only costs speed: use what was just compiled.
  }
}

/**
 * A cached library that, the first time a read from it fails, swaps itself
 * for `rebuild()` and answers from that: a damaged entry found halfway through
 * a command costs a compile, never the command.
 */
class SelfRepairing implements LibraryReader {
  constructor(
    private current: LibraryReader,
    private rebuild: (() => LibraryReader) | undefined,
  ) {}

  get origin(): string {
    return this.current.origin;
  }

  get place() {
    return this.current.place;
  }

  listState() {
    return this.current.listState();
  }

  manifest() {
    return this.attempt((library) => library.manifest());
  }

  drugs() {
    return this.attempt((library) => library.drugs());
  }

  listFile(kind: ListKind) {
    return this.attempt((library) => library.listFile(kind));
  }

  listSlugs() {
    return this.attempt((library) => library.listSlugs());
  }

  slugFor(key: string) {
    return this.attempt((library) => library.slugFor(key));
  }

  record(slug: string) {
    return this.attempt((library) => library.record(slug));
  }

  searchRow(slug: string) {
    return this.attempt((library) => library.searchRow(slug));
  }

  phrases() {
    return this.attempt((library) => library.phrases());
  }

  namePhrases() {
    return this.attempt((library) => library.namePhrases());
  }

  proseMeta() {
    return this.attempt((library) => library.proseMeta());
  }

  proseShard(n: number) {
    return this.attempt((library) => library.proseShard(n));
  }

  pairShard(n: number) {
    return this.attempt((library) => library.pairShard(n));
  }

  termEntry(key: string) {
    return this.attempt((library) => library.termEntry(key));
  }

  termIndex() {
    return this.attempt((library) => library.termIndex());
  }

  effectRows(key: string) {
    return this.attempt((library) => library.effectRows(key));
  }

  private attempt<T>(read: (library: LibraryReader) => T): T {
    try {
      return read(this.current);
    } catch (error) {
      if (!this.rebuild) throw error;
      this.current = this.rebuild();
      this.rebuild = undefined;
      return read(this.current);
    }
  }
}

function missing(path: string): never {
  throw new Error(`${path} is not in the compiled folder`);
}
