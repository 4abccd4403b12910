import { formatProblem, type Problem } from './problem.js';

/**
 * Errors a user can cause or meet. Each carries the exit code it maps to;
 * src/cli.ts is the one place that turns them into a message and an exit.
 */
export abstract class MedinfoError extends Error {
  abstract readonly exitCode: number;
  /** Extra lines printed after the message (for example, did-you-mean). */
  readonly details: string[] = [];
}

/** A bad command line: unknown option value, missing folder. Exit 2. */
export class UsageError extends MedinfoError {
  readonly exitCode = 2;
  constructor(message: string, details: string[] = []) {
    super(message);
    this.details.push(...details);
  }
}

/** Nothing matched what the user asked for. Exit 1. */
export class NotFoundError extends MedinfoError {
  readonly exitCode = 1;
  /** The slugs of the drugs the user may have meant, for error records in batch output. */
  readonly suggestions: string[] = [];
  /** The slugs of near drugs that are different drugs (a look-alike, a name that only starts the same). */
  readonly differentDrugs: string[] = [];
  /** The lines of `details` that name near drugs (did you mean, different drugs), for a caller with a message of its own. */
  readonly nearLines: string[] = [];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.details.push(...details);
  }
}

/** A batch answered what it could; some names were not found (each already reported in its place). Exit 1. */
export class PartialFailure extends MedinfoError {
  readonly exitCode = 1;
}

/** `interactions --fail-on`: something at or above the threshold was found (the report is printed). Exit 3. */
export class FoundAtSeverity extends MedinfoError {
  readonly exitCode = 3;
  constructor(readonly threshold: string) {
    super('');
  }
}

/** A monograph or compiled library that breaks the format. Exit 2. */
export class DataError extends MedinfoError {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly field: string,
    /** What is wrong, without the file and field. */
    readonly problem: string,
    /** The file's line of the field, where known. */
    readonly line: number | null = null,
  ) {
    super(formatProblem({ file, line, field: field || null, message: problem }));
  }

  /** This error as a structured problem. */
  toProblem(): Problem {
    return { file: this.file, line: this.line, field: this.field || null, message: this.problem };
  }

  static from(problem: Problem): DataError {
    return new DataError(problem.file, problem.field ?? '', problem.message, problem.line);
  }
}

/** `medinfo validate` found problems (each already printed). Exit 1. */
export class ProblemsFound extends MedinfoError {
  readonly exitCode = 1;
  constructor() {
    super('');
  }
}

/** `medinfo import` was given a file that is not an FDA label (the rest were imported). Exit 1. */
export class NotALabelError extends MedinfoError {
  readonly exitCode = 1;
}
