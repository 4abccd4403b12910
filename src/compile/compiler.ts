/** The entry of dist/compiler.cjs: what the CLI needs to compile a user's folder at run time. */
export { compileFolder } from './compile-folder.js';
export { publishOnce, writeLibrary } from './write-library.js';
