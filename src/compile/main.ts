/**
 * The build step for the bundled library: `node dist/build.cjs [--check] [files...]`.
 * Reads data/*.md and the vocabularies (classes.yaml, effect-terms.yaml, lay-terms.yaml), checks them all, and (without --check)
 * writes the compiled library to dist/library.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatProblem, sortProblems } from '../core/problem.js';
import { checkLibrary } from './check-library.js';
import { compileLibrary } from './compile-library.js';
import { loadFiles, monographFiles } from './load-folder.js';
import { parseVocabulary } from './read-classes.js';
import { parseEffectTerms } from './read-effect-terms.js';
import { parseLayTerms } from './read-lay-terms.js';
import { termIndex } from '../core/lay-terms.js';
import { writeLibrary } from './write-library.js';

const root = process.cwd();
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const named = args.filter((arg) => !arg.startsWith('--'));

const classVocabulary = parseVocabulary(readFileSync(join(root, 'data', 'classes.yaml'), 'utf8'));
const effectTerms = parseEffectTerms(readFileSync(join(root, 'data', 'effect-terms.yaml'), 'utf8'));
const vocabulary = {
  ...classVocabulary,
  effectTerms,
  terms: termIndex(parseLayTerms(readFileSync(join(root, 'data', 'lay-terms.yaml'), 'utf8'), classVocabulary.classes, effectTerms), effectTerms),
};
const tags = new Set(Object.keys(vocabulary.classes));
const all = monographFiles(join(root, 'data'));
const { loaded, problems } = loadFiles(all, tags, (file) => relative(root, file));
const checked = checkLibrary(loaded, tags);
const wanted = new Set(named.map((file) => relative(root, join(root, file))));
const report = sortProblems(problems.concat(checked.problems).filter((p) => wanted.size === 0 || wanted.has(p.file)));

// While several monographs are being written at once, a file may name a drug whose
// file does not exist yet: checking single files only warns about targets.
const isTarget = (p: { field: string | null }) => wanted.size > 0 && /^interactions\[\d+\]\.with$/.test(p.field ?? '');
for (const problem of report) console.error(isTarget(problem) ? `warning: ${formatProblem(problem)}` : formatProblem(problem));
const errors = report.filter((p) => !isTarget(p));
if (errors.length > 0) {
  console.error(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the library`);
  process.exit(1);
}
if (checkOnly) {
  console.log(`${wanted.size || loaded.length} monograph${(wanted.size || loaded.length) === 1 ? '' : 's'} OK`);
} else {
  const files = compileLibrary(checked.accepted.map((item) => item.record), vocabulary);
  writeLibrary(join(root, 'dist', 'library'), files);
  console.log(`compiled ${checked.accepted.length} monographs into dist/library`);
}
