import type { Catalog } from './core/catalog.js';
import type { Output } from './render/output.js';

/** What every command gets: the output decided at start-up, and the libraries to read. */
export interface Context {
  output: Output;
  catalog(): Promise<Catalog>;
  /** `medinfo compile`: compiles a folder of monographs into `out`; returns how many drugs it holds. */
  compile(folder: string, out: string): Promise<number>;
}
