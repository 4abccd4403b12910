/**
 * One thing wrong with a monograph file, as validation reports it: the build,
 * `--data-dir` warnings, `medinfo compile` and `medinfo validate` all print
 * problems through formatProblem, and `validate --json` prints them as they are.
 */
export interface Problem {
  /** The file as the user named it: the folder given, joined with the file's name. */
  file: string;
  /** The file's line of the offending field (line 1 is the opening ---); null when the problem is the whole file's. */
  line: number | null;
  /** Where in the front matter (`side_effects[2].percent`); null when no one field is at fault. */
  field: string | null;
  message: string;
}

/** `file:line: field: message`, leaving out the line and the field where there is none (as compilers print). */
export function formatProblem(problem: Problem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field ? `${where}: ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** Problems in reading order: by file, then by line (a whole file's first), keeping the order of problems on one line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, at) => ({ problem, at }))
    .sort((a, b) => compare(a.problem.file, b.problem.file) || (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.at - b.at)
    .map(({ problem }) => problem);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What a run says about the files of a user folder it left out: one line per
 * file, naming its first problem (`medinfo validate` lists them all).
 */
export function skipWarnings(problems: readonly Problem[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const problem of problems) {
    if (seen.has(problem.file)) continue;
    seen.add(problem.file);
    lines.push(`${formatProblem(problem)} (skipped)`);
  }
  return lines;
}
