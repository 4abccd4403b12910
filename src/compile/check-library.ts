import { DataError } from '../core/errors.js';
import type { DrugRecord } from '../core/monograph.js';
import { MAX_NAME_WORDS } from '../core/catalog.js';
import { nameKey, namesOf } from '../core/names.js';

export interface LoadedRecord {
  file: string;
  record: DrugRecord;
}

/**
 * Checks what no single file can: that no two drugs answer to the same name,
 * and that every interaction names a drug in the library or a class tag.
 * `existing` holds the names and slugs of drugs loaded earlier (the bundled
 * library when checking a user folder). Returns one DataError per bad file;
 * the records that pass are returned in `accepted`.
 */
export function checkLibrary(
  loaded: LoadedRecord[],
  classTags: ReadonlySet<string>,
  existing: { names: ReadonlyMap<string, string>; slugs: ReadonlySet<string> } = { names: new Map(), slugs: new Set() },
): { accepted: LoadedRecord[]; problems: DataError[] } {
  const problems: DataError[] = [];
  const owner = new Map(existing.names);
  const slugs = new Set([...existing.slugs, ...loaded.map((l) => l.record.monograph.slug)]);
  const claimed: LoadedRecord[] = [];

  for (const item of loaded) {
    const drug = item.record.monograph;
    const long = namesOf(drug).find((name) => nameKey(name).split(' ').length > MAX_NAME_WORDS);
    if (long) {
      problems.push(new DataError(item.file, 'name', `"${long}" has more than ${MAX_NAME_WORDS} words; names, brands and aliases are kept shorter so a list of names can be read`));
      continue;
    }
    const clash = namesOf(drug).find((name) => {
      const other = owner.get(nameKey(name));
      return other !== undefined && other !== drug.slug;
    });
    if (clash) {
      problems.push(new DataError(item.file, 'name', `"${clash}" already names ${owner.get(nameKey(clash))}`));
      continue;
    }
    for (const name of namesOf(drug)) owner.set(nameKey(name), drug.slug);
    claimed.push(item);
  }

  const combinations = new Set(loaded.filter((l) => l.record.monograph.kind === 'combination').map((l) => l.record.monograph.slug));
  const accepted = claimed.filter((item) => {
    const { interactions, ingredients = [] } = item.record.monograph;
    const bad = interactions.findIndex((row) => !slugs.has(row.with) && !classTags.has(row.with));
    if (bad !== -1) {
      problems.push(new DataError(item.file, `interactions[${bad}].with`, `"${interactions[bad]!.with}" is neither a drug in the library nor a class tag`));
      return false;
    }
    const missing = ingredients.findIndex((slug) => !slugs.has(slug) || combinations.has(slug));
    if (missing !== -1) {
      problems.push(new DataError(item.file, `ingredients[${missing}]`, `"${ingredients[missing]}" is not a drug in the library`));
      return false;
    }
    return true;
  });
  return { accepted, problems };
}
