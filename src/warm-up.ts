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
  try {
    resolveDrug(catalog, 'baclofin');
  } catch {
    // the did-you-mean path is the point
  }
  const spec = COMMANDS.find((candidate) => candidate.name === command);
  for (const isTTY of [true, false]) {
    const output = createOutput({ stdout: { isTTY, columns: 80, write: () => undefined }, stderr: () => ({ write: () => true }), env: {}, pager: false });
    spec?.warmUp?.(catalog, output);
  }
  renderJson(catalog[0]!.record('baclofen').monograph);
}

/** The names the launcher keeps a code cache for, read from the command table. */
export function commandNames(): string[] {
  return COMMANDS.map((spec) => spec.name);
}

/** Each command's other names (`check` for `interactions`), which share its code cache. */
export function commandAliases(): Record<string, string> {
  const program = createProgram({ stdout: { isTTY: false, columns: undefined, write: () => undefined }, stderr: () => ({ write: () => true }), stdin: () => '', env: {} });
  const aliases: Record<string, string> = {};
  for (const command of program.commands) for (const alias of command.aliases()) aliases[alias] = command.name();
  return aliases;
}

/** The global options that take a value (`--data-dir <dir>`): the launcher steps over their values to find the command. */
export function valueOptions(): string[] {
  const program = createProgram({ stdout: { isTTY: false, columns: undefined, write: () => undefined }, stderr: () => ({ write: () => true }), stdin: () => '', env: {} });
  return program.options.filter((option) => option.required).flatMap((option) => (option.short ? [option.long!, option.short] : [option.long!]));
}
