import { createRequire } from 'node:module';

/**
 * The compiler (gray-matter with the bounded YAML reader, zod, marked) is a separate bundle
 * next to the CLI's, loaded only when a user folder has to be compiled.
 */
export function loadCompiler(): typeof import('../compile/compiler.js') {
  return createRequire(__filename)('./compiler.cjs') as typeof import('../compile/compiler.js');
}
