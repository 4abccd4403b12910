import { Command } from 'commander';
import { effectVocabulary, resolveList, withOrigin, type Catalog } from '../core/catalog.js';
import { effectReport, listingsOf, nearestTerm, rowsNaming, termFor, wordsFor } from '../core/effects.js';
import { NotFoundError } from '../core/errors.js';
import { layEffects, termLookupOf } from '../core/lay-terms.js';
import { withBounds } from '../core/side-effects.js';
import type { Monograph } from '../core/monograph.js';
import type { Context } from '../context.js';
import { present } from '../io/present.js';
import { renderEffectReport } from '../render/effect.js';
import { listMembers, nameRuns } from './drug-names.js';
import { examples, nonEmptyOption, percentOption } from './options.js';
import type { CommandSpec } from './spec.js';

export const effect: CommandSpec = {
  name: 'effect',
  create: (context) =>
    new Command('effect')
      .description('which drugs list a side effect, highest figure first, each with its source')
      .argument('<term...>', 'the side effect, in plain words or the label\'s term (somnolence finds drowsiness)')
      .option('--among <drugs>', 'only these drugs: names separated by commas, or - to read them from stdin', nonEmptyOption)
      .option('--min <percent>', 'only figures of at least this many percent', percentOption)
      .option('--json', 'print the report as JSON')
      .addHelpText(
        'after',
        examples('medinfo effect drowsiness', 'medinfo effect dizziness --among baclofen,zolpidem,lisinopril', 'medinfo effect dry mouth --min 10', 'medinfo effect somnolence --json | jq -r ".drugs[].slug"'),
      )
      .action(async (words: string[], options: { among?: string; min?: number; json?: boolean }) => {
        const ctx = context();
        const catalog = await ctx.catalog();
        const { term, words: matched } = chooseTerm(ctx, catalog, words.join(' '));
        const among = options.among === undefined ? undefined : amongDrugs(ctx, catalog, options.among);
        const report = effectReport(term, matched, among ?? listingsOf(catalog, matched), { min: options.min, among: among?.map((m) => m.slug) });
        present(
          ctx.output,
          {
            // Worked out only for --json: a row each for thousands of drugs.
            get json() {
              return { ...report, drugs: report.drugs.map((drug) => withOrigin(catalog, { ...drug, rows: drug.rows.map(withBounds) })) };
            },
            text: (output) => renderEffectReport(report, output),
          },
          options.json,
        );
        if (report.drugs.length === 0 && !among) throw new NotFoundError(`no drug in the library lists "${term}"${options.min === undefined ? '' : ` at ${options.min}% or more`}`);
      }),
  complete: { arguments: ['effect'], options: { '--among': 'drug-list' } },
  warmUp: (catalog, output) => {
    const words = wordsFor(effectVocabulary(catalog), 'drowsiness');
    renderEffectReport(effectReport('drowsiness', words, listingsOf(catalog, words), {}), output);
  },
};

/**
 * The vocabulary's term for what was typed, or the effects a lay word stands
 * for ("upset stomach": nausea and indigestion); a word neither knows is
 * looked for as written, or else as the nearest term, with a note.
 */
function chooseTerm(context: Context, catalog: Catalog, typed: string): { term: string; words: string[] } {
  const terms = effectVocabulary(catalog);
  const known = termFor(terms, typed);
  if (known) return { term: known, words: wordsFor(terms, known) };
  const lay = layEffects(termLookupOf(catalog), typed);
  if (lay) return { term: lay.effects.length === 1 ? lay.effects[0]! : lay.written, words: lay.effects.flatMap((effect) => wordsFor(terms, effect)) };
  const literal = wordsFor(terms, typed);
  if (rowsNaming(catalog, literal).length > 0) return { term: typed, words: literal };
  const nearest = nearestTerm(terms, typed);
  if (!nearest) throw new NotFoundError(`no drug in the library lists "${typed}", and it is not a side effect medinfo knows`, ['try: medinfo search <words>']);
  context.output.err(`medinfo: note: no side effect "${typed}"; showing "${nearest}"`);
  return { term: nearest, words: wordsFor(terms, nearest) };
}

/** --among: names separated by commas (or `-` for stdin); a combination counts as its ingredients. */
function amongDrugs(context: Context, catalog: Catalog, list: string): Monograph[] {
  const names = list === '-' ? ['-'] : list.split(',').map((name) => name.trim()).filter(Boolean);
  const runs = nameRuns(names, context.stdinLines).runs.flatMap((run) => run.map((name) => [name]));
  const monographs = listMembers(catalog, resolveList(catalog, runs)).map((member) => member.monograph);
  return monographs.filter((monograph, i) => monographs.findIndex((other) => other.slug === monograph.slug) === i);
}
