import type { Catalog } from '../core/catalog.js';
import { ingredientsOf, resolveList, type ListItem } from '../core/catalog.js';
import type { ListMember } from '../core/interactions.js';
import { PartialFailure, UsageError } from '../core/errors.js';
import type { DrugRecord } from '../core/monograph.js';
import type { Context } from '../context.js';
import { present, presentEach, type Miss, type Presentable } from '../io/present.js';

/**
 * The drug names a command was given, as runs for resolveList: the arguments
 * together, and each line of stdin where an argument is `-`.
 */
export function nameRuns(args: readonly string[], stdinLines: () => string[]): { runs: string[][]; fromStdin: boolean } {
  const runs: string[][] = [];
  let typed: string[] = [];
  let fromStdin = false;
  for (const arg of args) {
    if (arg !== '-') {
      typed.push(arg);
      continue;
    }
    if (typed.length > 0) runs.push(typed);
    typed = [];
    if (fromStdin) continue;
    fromStdin = true;
    const lines = stdinLines();
    if (lines.length === 0) throw new UsageError('"-" reads drug names from stdin, one per line, but stdin had none');
    runs.push(...lines.map((line) => [line]));
  }
  if (typed.length > 0) runs.push(typed);
  return { runs, fromStdin };
}

/**
 * A medication list for interactions, compare and effect --among: every name
 * must resolve (the first that does not is the error, and nothing is
 * checked), and a combination product stands for its ingredients, each
 * carrying the product's name in `via`.
 */
export function listMembers(catalog: Catalog, items: readonly ListItem[]): ListMember[] {
  const members: ListMember[] = [];
  for (const item of items) {
    if ('miss' in item) throw item.miss;
    const { monograph } = item.record;
    const via = monograph.kind === 'combination' ? monograph.name : undefined;
    for (const ingredient of ingredientsOf(catalog, monograph)) members.push({ monograph: ingredient, ...(via ? { via } : {}) });
  }
  return members;
}

/** Resolves a command's drug arguments against the catalog. */
export async function drugItems(context: Context, args: readonly string[]): Promise<{ items: ListItem[]; catalog: Catalog; batch: boolean }> {
  const { runs, fromStdin } = nameRuns(args, context.stdinLines);
  const catalog = await context.catalog();
  const items = resolveList(catalog, runs);
  return { items, catalog, batch: fromStdin || items.length > 1 };
}

/**
 * Answers for one drug or many. One name: its answer, or its not-found error.
 * Several (or `-`): every answer in order (NDJSON with --json), a miss in its
 * place, and exit 1 at the end if any name missed.
 */
export async function answerDrugs(
  context: Context,
  args: readonly string[],
  json: boolean | undefined,
  answer: (record: DrugRecord, catalog: Catalog) => Presentable,
): Promise<void> {
  const { items, batch, catalog } = await drugItems(context, args);
  if (!batch) {
    const [item] = items;
    if (!item) throw new UsageError('no drug named');
    if ('miss' in item) throw item.miss;
    present(context.output, answer(item.record, catalog), json);
    return;
  }
  const answers = items.map((item): Presentable | Miss =>
    'miss' in item
      ? {
          query: item.query,
          error: 'not found',
          suggestions: item.miss.suggestions,
          different_drugs: item.miss.differentDrugs,
          lines: [`medinfo: ${item.miss.message}`, ...item.miss.details],
        }
      : answer(item.record, catalog),
  );
  const misses = presentEach(context.output, answers, json);
  if (misses > 0) throw new PartialFailure(`${misses} of ${items.length} names were not found`);
}
