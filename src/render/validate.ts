import type { Validation } from '../compile/validate.js';
import { formatProblem } from '../core/problem.js';
import type { Output } from '../io/output.js';
import { cleanLine } from '../io/sanitize.js';

/** One `file:line: field: message` line per problem, in file and line order. */
export function renderProblems(validation: Validation): string {
  return validation.problems.map((problem) => `${cleanLine(formatProblem(problem))}\n`).join('');
}

/** `2 problems in 1 of 3 files`, or `no problems in 3 files`. */
export function validationSummary(validation: Validation, output: Output): string {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const count = validation.problems.length;
  if (count === 0) return output.style.green(`no problems in ${files(validation.files)}`);
  const bad = new Set(validation.problems.map((problem) => problem.file)).size;
  return output.style.red(`${count} problem${count === 1 ? '' : 's'} in ${bad} of ${files(validation.files)}`);
}
