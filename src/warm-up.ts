import { BARE_COMMAND } from './commands/bare-words.js';
import { resolveDrug } from './core/catalog.js';
import { createOutput } from './io/output.js';
import { renderJson } from './render/json.js';
import { COMMANDS, createProgram } from './program.js';
import { bundledLibrary } from './store/bundled.js';

/**
 * Runs one command's code on the bundled library, for a terminal and for a
 * pipe, with and without a did-you-mean miss, and throws the text away. The
 * launcher (bin/medinfo) keeps a V8 code cache per command and calls this just
 * before writing it: a cache holds only functions that have run, so without it
 * the first run would decide what later runs find compiled (a miss after a
 * first hit, say, would compile the suggestion code every time).
 */
export function warmUp(command: string): void {
  const catalog = [bundledLibrary()];
  // A typo (did you mean) and a name near nothing (the library's count and a search for the word).
  for (const miss of ['baclofin', 'valium']) {
    try {
      resolveDrug(catalog, miss);
    } catch {
      // the miss is the point
    }
  }
  const spec = COMMANDS.find((candidate) => candidate.name === specName(command));
  for (const isTTY of [true, false]) {
    const output = createOutput({ stdout: { isTTY, columns: 80, write: () => undefined }, stderr: () => ({ write: () => true }), env: {}, pager: false });
    spec?.warmUp?.(catalog, output);
  }
  renderJson(catalog[0]!.record('baclofen').monograph);
}

/**
 * The launcher's name for a run whose first word is no command: most often a
 * drug name, which the program shows as `show` would (src/commands/bare-words.ts).
 */
const BARE_WORD = 'drug';

/** The row of the command table whose code runs under a launcher name: a command, an alias of one, or a bare drug name. */
function specName(command: string): string | undefined {
  if (command === BARE_WORD) return BARE_COMMAND;
  return quietProgram().commands.find((candidate) => candidate.name() === command || candidate.aliases().includes(command))?.name();
}

/** The words the launcher keeps a code cache for, read from the program built from the command table: every command and alias. */
export function commandNames(): string[] {
  return quietProgram().commands.flatMap((command) => [command.name(), ...command.aliases()]);
}

/** The global options that take a value (`--data-dir <dir>`): the launcher steps over their values to find the command. */
export function valueOptions(): string[] {
  return quietProgram().options.filter((option) => option.required).flatMap((option) => (option.short ? [option.long!, option.short] : [option.long!]));
}

function quietProgram() {
  return createProgram({ stdout: { isTTY: false, columns: undefined, write: () => undefined }, stderr: () => ({ write: () => true }), stdin: () => '', env: {} });
}
