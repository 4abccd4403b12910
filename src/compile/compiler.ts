/** The entry of dist/compiler.cjs: what the CLI needs at run time to compile a user's folder, or to validate monographs. */
export { compileFolder, compileFolderInto } from './compile-folder.js';
export { validateFiles, validateLibraryFolder } from './validate.js';
export { publishOnce, writeLibrary, writeLibraryAs } from './write-library.js';
