import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../core/errors.js';
import { digest } from '../core/hash.js';
import { paths } from '../library/library-format.js';
import type { LibraryPlace, LibraryReader } from '../library/library-reader.js';
import { nameKey, namesOf } from '../core/names.js';
import { isSlug } from '../core/slug.js';
import { listJsonBlock, listTextLine } from '../render/list-lines.js';
import { cacheDir, cacheVersion, hasEntryFile, publishEntryFile } from './cache-dir.js';
import { LibraryFiles } from '../library/library-files.js';
import { allSettled, stampOf } from './stamp.js';

const REPAIR = 'compile it again with medinfo compile';

/**
 * Opens a library written by `medinfo compile` after checking what compile
 * guarantees, since any folder can be handed to `--data-dir`: its marker names
 * this format, every slug in its drug list and name index is a slug (a slug
 * names a file), and none of its names belongs to another drug of the bundled
 * library (a drug may replace the bundled drug of its own slug, not take
 * another's name). At thousands of drugs, reading the whole name index costs
 * more than the look-up itself, so a pass is remembered in the cache, keyed by
 * the stamps of the files checked and by the bundled library's fingerprint. A
 * failure is one DataError naming the library.
 */
export function openCompiledLibrary(folder: string, bundled: LibraryReader, env: NodeJS.ProcessEnv, place?: LibraryPlace): LibraryReader {
  const started = Date.now();
  // Each file is stamped before it is read, so a pass can only be remembered for content as old as its stamp.
  const stamped = [paths.marker, paths.manifest, paths.drugs, paths.slugText, paths.list.text, paths.list.json].map((path) => ({ path, stat: statOf(join(folder, path)) }));
  let name: string | undefined;
  let settled = false;
  // The stamps of the files checked below (the list's among them) name their state, once settled.
  const listState = () => (settled ? `library ${name}` : undefined);
  const library = new LibraryFiles((path) => readFileSync(join(folder, path), 'utf8'), folder, REPAIR, true, place, (path) => readFileSync(join(folder, path)), listState);
  library.marker();
  const { nameShards } = library.manifest();
  for (let n = 0; n < nameShards; n++) stamped.push({ path: paths.nameShard(n), stat: statOf(join(folder, paths.nameShard(n))) });

  const key = [cacheVersion(), `bundled ${bundled.manifest().fingerprint}`, ...stamped.map(({ path, stat }) => `${path}\t${stampOf(stat)}`)].join('\n');
  const cache = cacheDir(env, 'libraries', folder);
  name = digest(key);
  settled = allSettled(stamped.map(({ stat }) => stat?.ctimeNs), started);
  if (cache.usable && hasEntryFile(cache, name)) return library;

  checkNames(library, nameShards, bundled, folder);
  checkLists(library, folder);
  if (cache.usable && settled) {
    try {
      publishEntryFile(cache, folder, name, '');
    } catch {
      // An unwritable cache only means checking again next time.
    }
  }
  return library;
}

function checkNames(library: LibraryFiles, nameShards: number, bundled: LibraryReader, folder: string): void {
  const owners = new Map<string, string>();
  for (const drug of bundled.drugs()) for (const name of namesOf(drug)) owners.set(nameKey(name), drug.slug);
  const claim = (slug: string, name: string, key: string) => {
    // Quoted as JSON: a forged library's text must not break the one-line message.
    if (!isSlug(slug)) throw problem(folder, `${JSON.stringify(slug)} is not a drug slug`);
    const owner = owners.get(key);
    if (owner !== undefined && owner !== slug) throw problem(folder, `${slug}: ${JSON.stringify(name)} already names ${owner} in the bundled library`);
  };
  for (const drug of library.drugs()) for (const name of namesOf(drug)) claim(drug.slug, name, nameKey(name));
  for (let n = 0; n < nameShards; n++) for (const [key, slug] of Object.entries(library.nameShard(n))) claim(slug, key, key);
}

/**
 * `list` streams the prepared lists (paths.list) as they are, so they must be
 * exactly what the drug list, checked above, gives: nothing else can reach
 * the terminal through them.
 */
function checkLists(library: LibraryFiles, folder: string): void {
  const drugs = library.drugs();
  for (const [kind, entryOf] of [['text', listTextLine], ['json', listJsonBlock]] as const) {
    if (!library.listFile(kind).equals(Buffer.from(drugs.map(entryOf).join('')))) throw problem(folder, `${paths.list[kind]} is not the list of the drugs in ${paths.drugs}`);
  }
  const slugs = library.listSlugs();
  if (slugs.length !== drugs.length || drugs.some((drug, i) => drug.slug !== slugs[i])) throw problem(folder, `${paths.slugText} is not the list of the drugs in ${paths.drugs}`);
}

function problem(folder: string, what: string): DataError {
  return new DataError(`${folder} library`, '', `${what}; ${REPAIR}`);
}

function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch {
    // missing: reading it fails, with the message that names the file
    return undefined;
  }
}
