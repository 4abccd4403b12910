import type { DrugRecord } from '../core/monograph.js';
import { MAX_NAME_WORDS } from '../core/catalog.js';
import { nameKey } from '../core/names.js';
import type { Problem } from '../core/problem.js';
import type { LineOf } from './yaml-lines.js';

export interface LoadedRecord {
  file: string;
  record: DrugRecord;
  /** The line of a field in the file, for problems that point at one (none: problems go without lines). */
  lineOf?: LineOf;
}

/**
 * Checks what no single file can: that no two drugs answer to the same name,
 * and that every interaction names a drug in the library or a class tag.
 * `existing` holds the names and slugs of drugs loaded earlier (the bundled
 * library when checking a user folder). Every problem of every file is
 * returned, each with its line; the records with none are returned in
 * `accepted`. Of two files claiming one name, the first keeps it.
 */
export function checkLibrary(
  loaded: LoadedRecord[],
  classTags: ReadonlySet<string>,
  existing: { names: ReadonlyMap<string, string>; slugs: ReadonlySet<string> } = { names: new Map(), slugs: new Set() },
): { accepted: LoadedRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const owner = new Map(existing.names);
  const slugs = new Set([...existing.slugs, ...loaded.map((l) => l.record.monograph.slug)]);
  const claimed = new Set<LoadedRecord>();
  const problemIn = (item: LoadedRecord, field: string, message: string): Problem => ({ file: item.file, line: item.lineOf?.(field) ?? null, field, message });

  for (const item of loaded) {
    const drug = item.record.monograph;
    const names = namedFields(drug);
    const before = problems.length;
    for (const [field, name] of names) {
      if (nameKey(name).split(' ').length > MAX_NAME_WORDS) {
        problems.push(problemIn(item, field, `"${name}" has more than ${MAX_NAME_WORDS} words; names, brands and aliases are kept shorter so a list of names can be read`));
      }
    }
    if (problems.length > before) continue;
    for (const [field, name] of names) {
      const other = owner.get(nameKey(name));
      if (other !== undefined && other !== drug.slug) problems.push(problemIn(item, field, `"${name}" already names ${other}`));
    }
    if (problems.length > before) continue;
    for (const [, name] of names) owner.set(nameKey(name), drug.slug);
    claimed.add(item);
  }

  const combinations = new Set(loaded.filter((l) => l.record.monograph.kind === 'combination').map((l) => l.record.monograph.slug));
  // Every file's interactions are checked, so one run lists all of a file's problems; a file that lost a name is not accepted either way.
  const accepted = loaded.filter((item) => {
    const before = problems.length;
    const { interactions, ingredients = [] } = item.record.monograph;
    interactions.forEach((row, i) => {
      if (!slugs.has(row.with) && !classTags.has(row.with)) {
        problems.push(problemIn(item, `interactions[${i}].with`, `"${row.with}" is neither a drug in the library nor a class tag`));
      }
    });
    ingredients.forEach((slug, i) => {
      if (!slugs.has(slug) || combinations.has(slug)) problems.push(problemIn(item, `ingredients[${i}]`, `"${slug}" is not a drug in the library`));
    });
    return problems.length === before && claimed.has(item);
  });
  return { accepted, problems };
}

/** Each name a drug answers to (namesOf), with the field it is written in. */
function namedFields(drug: DrugRecord['monograph']): Array<[string, string]> {
  return [
    ['name', drug.name],
    ['slug', drug.slug],
    ...drug.brands.map((brand, i): [string, string] => [`brands[${i}]`, brand]),
    ...drug.aliases.map((alias, i): [string, string] => [`aliases[${i}]`, alias]),
  ];
}
