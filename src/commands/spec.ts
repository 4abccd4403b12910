import type { Command } from 'commander';
import type { Catalog } from '../core/catalog.js';
import type { Context } from '../context.js';
import type { Output } from '../io/output.js';

/** One row of the command table (src/program.ts). */
export interface CommandSpec {
  name: string;
  /** Builds the commander command; `context` is ready once its action runs. */
  create(context: () => Context): Command;
  /**
   * Runs this command's code on the bundled library and throws the text away,
   * so the launcher's V8 code cache for the command holds the paths a later
   * run may take (see src/warm-up.ts).
   */
  warmUp?(catalog: Catalog, output: Output): void;
}
