import type { Catalog } from './core/catalog.js';
import type { Output } from './render/output.js';

/** What every command gets: the output decided at start-up, and the libraries to read. */
export interface Context {
  output: Output;
  catalog(): Promise<Catalog>;
}
