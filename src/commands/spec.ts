import type { Command } from 'commander';
import type { Catalog } from '../core/catalog.js';
import type { Context } from '../context.js';
import type { Output } from '../io/output.js';

/**
 * What a word on the command line completes to, where commander cannot say
 * (an argument's or option's `choices` it can): drug names and brands, a
 * comma-separated list of them, class tags, section titles of the drug on
 * the line, side-effect terms, folders, a folder of monographs whose drugs
 * then complete too (`data-dir`), or command names.
 */
export type WordKind = 'drug' | 'drug-list' | 'class' | 'section' | 'effect' | 'folder' | 'data-dir' | 'command';

/** Completion data of a command: what its arguments and option values are. */
export interface CompletionData {
  /** What each argument takes, in order; the last one repeats when it is variadic. */
  arguments?: readonly WordKind[];
  /** What each option's value takes, by its long flag (`--class`). */
  options?: Readonly<Record<string, WordKind>>;
}

/** One row of the command table (src/program.ts). */
export interface CommandSpec {
  name: string;
  /** Builds the commander command; `context` is ready once its action runs. */
  create(context: () => Context): Command;
  /** Left out of help and of completion (the completion script's own call back into medinfo). */
  hidden?: boolean;
  /** For shell completion: what the command's words are, beyond what the commander command says. */
  complete?: CompletionData;
  /**
   * Runs this command's code on the bundled library and throws the text away,
   * so the launcher's V8 code cache for the command holds the paths a later
   * run may take (see src/warm-up.ts).
   */
  warmUp?(catalog: Catalog, output: Output): void;
}
