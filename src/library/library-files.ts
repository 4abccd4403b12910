import { isAscii } from 'node:buffer';
import { DataError } from '../core/errors.js';
import { shardOf } from '../core/hash.js';
import {
  COMPILED_BY,
  FORMAT_VERSION,
  paths,
  phraseIndexFileParts,
  proseMetaParts,
  termEntryText,
  termIndexEntries,
  tableEntries,
  tableLookUp,
  type DrugSummary,
  type EffectIndexRow,
  type LibraryMarker,
  type ListKind,
  type Manifest,
  type PairShard,
  type PhraseIndex,
  type ProseMeta,
  type ProseShard,
  type SearchRow,
  searchRowParts,
} from './library-format.js';
import { isDrugList, isDrugRecord, isEffectFile, isManifest, isMarker, isSearchRowFields, isTermEntry } from './library-shapes.js';
import type { LibraryPlace, LibraryReader } from './library-reader.js';
import type { DrugRecord } from '../core/monograph.js';
import type { TermEntry, TermIndex } from '../core/lay-terms.js';
import { isSlug } from '../core/slug.js';
import { packedAt } from './packed.js';

/**
 * A compiled library, read through `readText` (from disk, or from memory
 * right after compiling a user folder). Each file is parsed at most once,
 * and only when asked for; a file that is missing, not JSON or not the shape
 * its kind has is a DataError naming the library and the file.
 */
export class LibraryFiles implements LibraryReader {
  private readonly cache = new Map<string, unknown>();
  private checkedManifest: Manifest | undefined;
  private checkedProseMeta: ProseMeta | undefined;

  constructor(
    private readonly readText: (path: string) => string,
    readonly origin: string,
    private readonly repair: string,
    /** false for the bundled library, which medinfo trusts (docs/security.md): its build checked it, and a search would pay milliseconds to check it again. */
    private readonly checkShapes = true,
    readonly place?: LibraryPlace,
    /** Reads a file as bytes, for what is copied to stdout as it is (listFile); without it, readText's text is encoded. */
    private readonly readBytes?: (path: string) => Buffer,
    /** See LibraryReader.listState; without it, the library has none. */
    private readonly listStateOf?: (library: LibraryFiles) => string | undefined,
  ) {}

  listState(): string | undefined {
    return this.listStateOf?.(this);
  }

  manifest(): Manifest {
    // Checked once: every name look-up asks for the shard count, and a batch of names makes thousands.
    if (this.checkedManifest) return this.checkedManifest;
    // The format is checked before the shape: another format's manifest has other fields.
    const manifest = this.read(paths.manifest, (value): value is { format: unknown } => typeof value === 'object' && value !== null);
    if (manifest.format !== FORMAT_VERSION) throw this.damaged(paths.manifest, `format ${JSON.stringify(manifest.format)}, expected ${FORMAT_VERSION}`);
    if (!isManifest(manifest)) throw this.damaged(paths.manifest, 'not the expected content');
    this.checkedManifest = manifest;
    return manifest;
  }

  /** The marker of a library written by `medinfo compile`: it must name this format. */
  marker(): LibraryMarker {
    const marker = this.read(paths.marker, isMarker);
    if (marker.written_by !== COMPILED_BY) throw this.damaged(paths.marker, `written by ${JSON.stringify(marker.written_by)}`);
    if (marker.format !== FORMAT_VERSION) throw this.damaged(paths.marker, `format ${marker.format}, expected ${FORMAT_VERSION}`);
    return marker;
  }

  drugs(): DrugSummary[] {
    return this.read(paths.drugs, isDrugList);
  }

  listFile(kind: ListKind): Buffer {
    const path = paths.list[kind];
    let bytes: Buffer;
    try {
      // Bytes, not text: list copies them to stdout as they are, and decoding megabytes only to encode them again cost more than the rest of the command.
      bytes = this.readBytes ? this.readBytes(path) : Buffer.from(this.readText(path));
    } catch (error) {
      throw this.damaged(path, (error as NodeJS.ErrnoException).code ?? 'unreadable');
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) throw this.damaged(path, 'not the expected content');
    return bytes;
  }

  listSlugs(): string[] {
    const text = this.text(paths.slugText);
    return text === '' ? [] : text.split('\n');
  }

  slugFor(key: string): string | undefined {
    return this.lookUp(paths.nameShard(shardOf(key, this.manifest().nameShards)), key);
  }

  /** Name shard `n`, whole: name key → slug. */
  nameShard(n: number): Record<string, string> {
    const path = paths.nameShard(n);
    const entries = tableEntries(this.text(path));
    if (!entries) throw this.damaged(path, 'not the expected content');
    return Object.fromEntries(entries);
  }

  record(slug: string): DrugRecord {
    if (!isSlug(slug)) throw new DataError(`${this.origin} library`, '', `${JSON.stringify(slug)} is not a drug slug; ${this.repair}`);
    const path = paths.record(slug);
    return this.read(path, (value): value is DrugRecord => isDrugRecord(value, slug));
  }

  searchRow(slug: string): SearchRow {
    if (!isSlug(slug)) throw new DataError(`${this.origin} library`, '', `${JSON.stringify(slug)} is not a drug slug; ${this.repair}`);
    const path = paths.row(slug);
    const parts = searchRowParts(this.text(path));
    let fields: unknown;
    try {
      fields = parts && JSON.parse(parts.fields);
    } catch {
      throw this.damaged(path, 'not valid JSON');
    }
    if (!parts || (this.checkShapes && !isSearchRowFields(fields))) throw this.damaged(path, 'not the expected content');
    return { ...(fields as Omit<SearchRow, 'sentences'>), sentences: parts.sentences };
  }

  phrases(): PhraseIndex {
    return this.phraseIndex(paths.phrases);
  }

  namePhrases(): PhraseIndex {
    return this.phraseIndex(paths.namePhrases);
  }

  private phraseIndex(where: { index: string; text: string; grams: (n: number) => string }): PhraseIndex {
    if (this.cache.has(where.text)) return this.cache.get(where.text) as PhraseIndex;
    const stored = phraseIndexFileParts(this.text(where.index));
    if (!stored) throw this.damaged(where.index, 'not the expected content');
    const { width, gramShards, phraseStarts } = stored;
    const count = phraseStarts.length / width;
    const index: PhraseIndex = {
      width,
      slugs: { text: this.text(paths.slugText), starts: stored.slugStarts },
      phrases: { text: this.text(where.text), starts: phraseStarts },
      offsets: stored.offsets,
      postings: stored.postings,
      phrasesWith: (gram) => {
        const path = where.grams(shardOf(gram, gramShards));
        const packed = this.lookUp(path, gram);
        if (packed === undefined) return [];
        const phrases = packed.length % width === 0 && /^[0-9a-z]*$/.test(packed) ? unpack(packed, width) : [];
        // In order and in range, or the file is not what compile wrote: a wrong index must not reach a phrase.
        if (phrases.length === 0 || phrases.some((phrase, i) => phrase >= count || (i > 0 && phrase <= phrases[i - 1]!))) throw this.damaged(path, 'not the expected content');
        return phrases;
      },
    };
    this.cache.set(where.text, index);
    return index;
  }

  proseMeta(): ProseMeta {
    if (this.checkedProseMeta) return this.checkedProseMeta;
    const meta = proseMetaParts(this.text(paths.proseMeta));
    if (!meta) throw this.damaged(paths.proseMeta, 'not the expected content');
    this.checkedProseMeta = meta;
    return meta;
  }

  proseShard(n: number): ProseShard {
    return this.plainShard(paths.proseShard(n));
  }

  pairShard(n: number): PairShard {
    return this.plainShard(paths.pairShard(n));
  }

  /** A prose or pair shard: its text, which must start with the packing width. */
  private plainShard(path: string): string {
    const text = this.text(path);
    if (this.checkShapes && !/^[1-9]\d*\n/.test(text)) throw this.damaged(path, 'not the expected content');
    return text;
  }

  termEntry(key: string): TermEntry | undefined {
    const found = termEntryText(this.text(paths.termIndex), key);
    return found === undefined ? undefined : this.termEntryOf(found);
  }

  termIndex(): TermIndex {
    return Object.fromEntries(termIndexEntries(this.text(paths.termIndex)).map(([key, entry]) => [key, this.termEntryOf(entry)]));
  }

  private termEntryOf(json: string): TermEntry {
    let entry: unknown;
    try {
      entry = JSON.parse(json);
    } catch {
      throw this.damaged(paths.termIndex, 'not valid JSON');
    }
    if (this.checkShapes && !isTermEntry(entry)) throw this.damaged(paths.termIndex, 'not the expected content');
    return entry as TermEntry;
  }

  effectRows(key: string): EffectIndexRow[] {
    const n = this.lookUp(paths.effectTerms, key);
    if (n === undefined) return [];
    const path = paths.effectFile(Number(n));
    const { sources, rows } = this.read(path, isEffectFile);
    // A plain loop, by index: a callback or an array pattern per row cost more than the row (thousands of them).
    const decoded: EffectIndexRow[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      decoded[i] = { slug: row[0], name: row[1], at: row[2], row: row[4], source: sources[row[3]]! };
    }
    return decoded;
  }

  /** The value of `key` in a table file (see tableLookUp); a file that is not a table is damaged. */
  private lookUp(path: string, key: string): string | undefined {
    const value = tableLookUp(this.text(path), key);
    if (value === null) throw this.damaged(path, 'not the expected content');
    return value;
  }

  /** A plain text file, read once. */
  private text(path: string): string {
    if (this.cache.has(path)) return this.cache.get(path) as string;
    let text: string;
    try {
      text = this.decoded(path);
    } catch (error) {
      throw this.damaged(path, (error as NodeJS.ErrnoException).code ?? 'unreadable');
    }
    this.cache.set(path, text);
    return text;
  }

  private read<T>(path: string, isShape: (value: unknown) => value is T): T {
    if (this.cache.has(path)) return this.cache.get(path) as T;
    let value: unknown;
    try {
      value = JSON.parse(this.decoded(path));
    } catch (error) {
      throw this.damaged(path, (error as NodeJS.ErrnoException).code ?? 'not valid JSON');
    }
    if (this.checkShapes && !isShape(value)) throw this.damaged(path, 'not the expected content');
    this.cache.set(path, value);
    return value as T;
  }

  /**
   * A file's text. Read as bytes where it can be: a file of ASCII alone, as
   * the indexes are, is then one-byte text, made several times faster than
   * by decoding UTF-8 (megabytes at tens of thousands of drugs).
   */
  private decoded(path: string): string {
    if (!this.readBytes) return this.readText(path);
    const bytes = this.readBytes(path);
    return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  }

  private damaged(path: string, why: string): DataError {
    return new DataError(`${this.origin} library`, '', `${path} is missing or damaged (${why}); ${this.repair}`);
  }
}

function unpack(packed: string, width: number): number[] {
  const values = new Array<number>(packed.length / width);
  for (let i = 0; i < values.length; i++) values[i] = packedAt(packed, i, width);
  return values;
}
