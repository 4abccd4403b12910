import type { DrugRecord } from '../core/monograph.js';
import { MAX_NAME_WORDS } from '../core/catalog.js';
import { nameKey } from '../core/names.js';
import type { Problem } from '../core/problem.js';
import type { LineOf } from './yaml-lines.js';
import { copied } from './copied.js';

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
  const checker = new LibraryChecker(classTags, existing);
  for (const item of loaded) checker.claim(item);
  const { rejected, problems } = checker.finish();
  return { accepted: loaded.filter((item) => !rejected.has(item.record.monograph.slug)), problems };
}

/**
 * checkLibrary one file at a time, for a compile that does not hold every
 * monograph: claim() each loaded record in file order (its names are decided
 * then, as the first file to claim a name keeps it), and finish() once all
 * are loaded, when every slug an interaction may name is known. Of each file
 * it keeps only what finish() needs.
 */
export class LibraryChecker {
  private readonly problems: Problem[] = [];
  private readonly owner: Map<string, string>;
  private readonly slugs: Set<string>;
  private readonly pending: Array<{
    file: string;
    slug: string;
    claimed: boolean;
    interactions: Array<{ with: string; line: number | null }>;
    ingredients: Array<{ slug: string; line: number | null }>;
  }> = [];
  private readonly combinations = new Set<string>();

  constructor(
    private readonly classTags: ReadonlySet<string>,
    existing: { names: ReadonlyMap<string, string>; slugs: ReadonlySet<string> } = { names: new Map(), slugs: new Set() },
  ) {
    this.owner = new Map(existing.names);
    this.slugs = new Set(existing.slugs);
  }

  /** Claims a loaded record's names; false if it cannot have them (its problems are kept for finish). */
  claim(item: LoadedRecord): boolean {
    const { problems, owner } = this;
    const drug = item.record.monograph;
    // Copies: what is kept of each of tens of thousands of files must not keep the file's text alive.
    const slug = copied(drug.slug);
    const problemIn = (field: string, message: string): Problem => ({ file: item.file, line: item.lineOf?.(field) ?? null, field, message });
    this.slugs.add(slug);
    if (drug.kind === 'combination') this.combinations.add(slug);
    const { interactions, ingredients = [] } = drug;
    const pending = {
      file: copied(item.file),
      slug,
      claimed: false,
      interactions: interactions.map((row, i) => ({ with: copied(row.with), line: item.lineOf?.(`interactions[${i}].with`) ?? null })),
      ingredients: ingredients.map((name, i) => ({ slug: copied(name), line: item.lineOf?.(`ingredients[${i}]`) ?? null })),
    };
    this.pending.push(pending);
    const names = namedFields(drug);
    const before = problems.length;
    for (const [field, name] of names) {
      if (nameKey(name).split(' ').length > MAX_NAME_WORDS) {
        problems.push(problemIn(field, `"${name}" has more than ${MAX_NAME_WORDS} words; names, brands and aliases are kept shorter so a list of names can be read`));
      }
    }
    if (problems.length > before) return false;
    for (const [field, name] of names) {
      const other = owner.get(nameKey(name));
      if (other !== undefined && other !== slug) problems.push(problemIn(field, `"${name}" already names ${other}`));
    }
    if (problems.length > before) return false;
    for (const [, name] of names) owner.set(nameKey(name), slug);
    pending.claimed = true;
    return true;
  }

  /** The slugs of the records claimed that are not accepted after all, and every problem, in checkLibrary's order. */
  finish(): { rejected: Set<string>; problems: Problem[] } {
    const { problems, slugs, classTags, combinations } = this;
    const rejected = new Set<string>();
    // Every file's interactions are checked, so one run lists all of a file's problems; a file that lost a name is not accepted either way.
    for (const item of this.pending) {
      const before = problems.length;
      item.interactions.forEach((row, i) => {
        if (!slugs.has(row.with) && !classTags.has(row.with)) {
          problems.push({ file: item.file, line: row.line, field: `interactions[${i}].with`, message: `"${row.with}" is neither a drug in the library nor a class tag` });
        }
      });
      item.ingredients.forEach(({ slug, line }, i) => {
        if (!slugs.has(slug) || combinations.has(slug)) problems.push({ file: item.file, line, field: `ingredients[${i}]`, message: `"${slug}" is not a drug in the library` });
      });
      if (problems.length > before || !item.claimed) rejected.add(item.slug);
    }
    return { rejected, problems };
  }
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
