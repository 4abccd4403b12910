import { DataError } from '../core/errors.js';
import { shardOf } from '../core/hash.js';
import { FORMAT_VERSION, paths, type DrugSummary, type Manifest, type PhraseIndex, type PhraseIndexFile, type ProseMeta, type ProseShard } from '../core/library-format.js';
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
    return this.phraseIndex(paths.phrases);
  }

  namePhrases(): PhraseIndex {
    return this.phraseIndex(paths.namePhrases);
  }

  private phraseIndex(where: { index: string; text: string }): PhraseIndex {
    if (this.cache.has(where.text)) return this.cache.get(where.text) as PhraseIndex;
    const stored = this.read<PhraseIndexFile>(where.index);
    const index: PhraseIndex = {
      width: stored.width,
      slugs: { text: this.text(paths.slugText), starts: stored.slugStarts },
      phrases: { text: this.text(where.text), starts: stored.phraseStarts },
      offsets: stored.offsets,
      postings: stored.postings,
    };
    this.cache.set(where.text, index);
    return index;
  }

  proseMeta(): ProseMeta {
    return this.read(paths.proseMeta);
  }

  proseShard(n: number): ProseShard {
    return this.read(paths.proseShard(n));
  }

  /** A plain text file, read once. */
  private text(path: string): string {
    if (this.cache.has(path)) return this.cache.get(path) as string;
    let text: string;
    try {
      text = this.readText(path);
    } catch (error) {
      throw this.damaged(path, (error as NodeJS.ErrnoException).code ?? 'unreadable');
    }
    this.cache.set(path, text);
    return text;
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
