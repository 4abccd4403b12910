import type { Command } from 'commander';
import { resolveList } from '../core/catalog.js';
import { UsageError } from '../core/errors.js';
import { suggestWords } from '../core/suggest.js';
import type { Context } from '../context.js';

/** The command words with no command run. */
export const BARE_COMMAND = 'show';

/**
 * `medinfo <words>` with no command, the habit of tldr users: words that
 * begin with an exact drug name (generic, brand or alias, as `show` resolves
 * it; never a look-alike) are `medinfo show <words>`, options included.
 * Anything else is an unknown command, with the nearest command or drug name.
 */
export async function bareWords(context: Context, words: readonly string[], program: Command): Promise<void> {
  const options = words.findIndex((word) => word.startsWith('-') && word !== '-');
  const names = options === -1 ? words : words.slice(0, options);
  // No word at all: the program's help, as commander gives it; an option first is one the program does not know.
  if (words.length === 0) program.help({ error: true });
  if (names.length === 0) program.error(`error: unknown option '${words[0]}'`, { code: 'commander.unknownOption' });
  const [first] = resolveList(await context.catalog(), [names]);
  if (first && 'miss' in first) throw unknownCommand(program, first.query, first.miss.nearLines);
  const show = program.commands.find((command) => command.name() === BARE_COMMAND)!;
  await show.parseAsync([...words], { from: 'user' });
}

/**
 * The error for a word that names no command: the nearest commands if there
 * are any, else, where the word could have been a drug name, the lines of its
 * miss that name near drugs (`drugs`: did you mean, different drugs); and
 * where the commands are listed.
 */
export function unknownCommand(program: Command, word: string, drugs: readonly string[] | undefined): UsageError {
  const names = program.createHelp().visibleCommands(program).flatMap((command) => [command.name(), ...command.aliases()]);
  const near = suggestWords(names, word.toLowerCase(), 3);
  if (near.length > 0) return new UsageError(`unknown command "${word}" (did you mean ${near.join(' or ')}?); medinfo --help lists the commands`);
  if (drugs === undefined) return new UsageError(`unknown command "${word}"; medinfo --help lists the commands`);
  return new UsageError(`unknown command "${word}", and no drug has that name; medinfo --help lists the commands`, [...drugs]);
}
