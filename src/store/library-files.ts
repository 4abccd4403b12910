import { DataError } from '../core/errors.js';
import { shardOf } from '../core/hash.js';
import { FORMAT_VERSION, paths, type DrugSummary, type Manifest, type PhraseIndex, type ProseMeta, type ProseShard } from '../core/library-format.js';
import type { LibraryReader } from '../core/library-reader.js';
import type { DrugRecord } from '../core/monograph.js';

/**
 * A compiled library, read through `readText` (from disk, or from memory
 * right after compiling a user folder). Each file is parsed at most once,
 * and only when asked for.
 */
export class LibraryFiles implements LibraryReader {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly readText: (path: string) => string,
    readonly origin: string,
    private readonly repair: string,
  ) {}

  manifest(): Manifest {
    const manifest = this.read<Manifest>(paths.manifest);
    if (manifest.format !== FORMAT_VERSION) throw this.damaged(paths.manifest, `format ${manifest.format}, expected ${FORMAT_VERSION}`);
    return manifest;
  }

  drugs(): DrugSummary[] {
    return this.read(paths.drugs);
  }

  slugFor(key: string): string | undefined {
    const shard = this.read<Record<string, string>>(paths.nameShard(shardOf(key, this.manifest().nameShards)));
    return Object.hasOwn(shard, key) ? shard[key] : undefined;
  }

  record(slug: string): DrugRecord {
    return this.read(paths.record(slug));
  }

  phrases(): PhraseIndex {
    return this.read(paths.phrases);
  }

  namePhrases(): PhraseIndex {
    return this.read(paths.namePhrases);
  }

  proseMeta(): ProseMeta {
    return this.read(paths.proseMeta);
  }

  proseShard(n: number): ProseShard {
    return this.read(paths.proseShard(n));
  }

  private read<T>(path: string): T {
    if (this.cache.has(path)) return this.cache.get(path) as T;
    let value: T;
    try {
      value = JSON.parse(this.readText(path)) as T;
    } catch (error) {
      throw this.damaged(path, (error as NodeJS.ErrnoException).code ?? 'not valid JSON');
    }
    this.cache.set(path, value);
    return value;
  }

  private damaged(path: string, why: string): DataError {
    return new DataError(`${this.origin} library`, '', `${path} is missing or damaged (${why}); ${this.repair}`);
  }
}
