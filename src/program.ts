import { Command, Option } from 'commander';
import { classes } from './commands/classes.js';
import { bareWords, unknownCommand } from './commands/bare-words.js';
import { compare } from './commands/compare.js';
import { compile } from './commands/compile.js';
import { completer, completion } from './commands/completion.js';
import { effect } from './commands/effect.js';
import { importLabels } from './commands/import.js';
import { interactions } from './commands/interactions.js';
import { list } from './commands/list.js';
import { paths } from './commands/paths.js';
import { folderListOption, examples } from './commands/options.js';
import { search } from './commands/search.js';
import { show } from './commands/show.js';
import { sideEffects } from './commands/side-effects.js';
import type { CommandSpec, CompletionData } from './commands/spec.js';
import { studies } from './commands/studies.js';
import { validate } from './commands/validate.js';
import { createContext, type Context, type Streams } from './context.js';
import { COLOR_WHEN, createOutput, type RunOutput } from './io/output.js';
import { cleanMessage } from './io/sanitize.js';

declare const MEDINFO_VERSION: string;

/** The completion data (src/commands/spec.ts) of what this file defines: the global options, a bare drug name, and help. */
const PROGRAM_COMPLETION = new Map<string, CompletionData>([
  ['medinfo', { arguments: ['drug'], options: { '--data-dir': 'data-dir' } }],
  ['help', { arguments: ['command'] }],
]);

/**
 * The command table: every command medinfo has, in the order help lists them.
 * Registration, the launcher's per-command code cache and its warm-up all read
 * this list; nothing else keeps one.
 */
export const COMMANDS: readonly CommandSpec[] = [
  show, sideEffects, studies, interactions, compare, effect, search, list, classes, compile, validate, importLabels, paths, completion,
  completer((name) => COMMANDS.find((spec) => spec.name === name)?.complete ?? PROGRAM_COMPLETION.get(name) ?? {}),
];

/**
 * The commander program over `streams`. Nothing runs until it is parsed;
 * errors are thrown for src/cli.ts to turn into exit codes.
 */
export function createProgram(streams: Streams): Command {
  let context: Context | undefined;
  const getContext = () => context!;
  const program: Command = new Command('medinfo')
    .description('Offline reference for medications: monographs, side-effect figures, studies and sources.')
    .version(typeof MEDINFO_VERSION === 'string' ? MEDINFO_VERSION : 'dev', '-V, --version')
    .addOption(new Option('--color <when>', 'when to color the output; auto colors a terminal, as NO_COLOR and FORCE_COLOR allow').choices(COLOR_WHEN))
    .option('--no-color', 'never color the output, as --color never (the last of the two given wins)')
    .option('--pretty', 'lay the output out as for a terminal, in color, even when piped: medinfo show baclofen --pretty | less -R')
    .option('--no-pager', 'print straight to the terminal ($MEDINFO_PAGER, $PAGER or less -FRX page what is taller than the screen)')
    .option('--data-dir <dir>', 'also read the monographs (*.md) in this folder, or a library made by medinfo compile; repeat for more folders (the first wins; MEDINFO_PATH folders come after these, see medinfo paths)', folderListOption)
    .usage('[options] <command> ...\n       medinfo [options] <drug> [show options]')
    .argument('[drug...]', 'with no command: the drug to show (medinfo baclofen is medinfo show baclofen)')
    .allowUnknownOption()
    .action((words: string[]) => bareWords(getContext(), words, program))
    .addHelpText('after', examples('medinfo show baclofen', 'medinfo lioresal', 'medinfo side-effects lioresal --json', 'medinfo search "muscle relaxant"', 'medinfo list --class benzodiazepine'))
    .showSuggestionAfterError()
    .exitOverride();

  // Once per run: `medinfo <drug>` runs the program's action, then show's.
  program.hook('preAction', () => {
    if (context) return;
    const globals = program.opts<{ color?: (typeof COLOR_WHEN)[number] | false; pretty?: boolean; pager: boolean; dataDir?: string[] }>();
    const output = createOutput({ ...streams, color: globals.color, pretty: globals.pretty, pager: globals.pager });
    outputs.set(program, output);
    context = createContext(output, globals.dataDir ?? [], streams);
  });
  for (const spec of COMMANDS) program.addCommand(spec.create(getContext), { hidden: spec.hidden ?? false });
  program.helpCommand(false).addCommand(helpCommand(program));
  const configure = (command: Command) =>
    command
      .exitOverride()
      .showSuggestionAfterError()
      .configureOutput({
        writeOut: (text) => streams.stdout.write(text),
        writeErr: (text) => void streams.stderr().write(text),
        outputError: (message, write) => write(commanderMessage(message)),
      });
  configure(program);
  program.commands.forEach(configure);
  return program;
}

const outputs = new WeakMap<Command, RunOutput>();

/** Writes what the program's command printed and the output held back for the pager; nothing when no command ran. */
export async function endOutput(program: Command): Promise<void> {
  await outputs.get(program)?.end();
}

/** `medinfo help [command]`: commander's own prints the whole help to stderr, exit 1, for an unknown command. */
function helpCommand(program: Command): Command {
  return new Command('help')
    .description('display help for medinfo or one of its commands')
    .argument('[command]', 'the command to explain')
    .action((name?: string) => {
      if (name === undefined) program.help();
      const command = program.commands.find((candidate) => candidate.name() === name && candidate.name() !== 'help');
      if (!command) throw unknownCommand(program, name, undefined);
      command.help();
    });
}

/**
 * Commander's error text names what the user typed, control characters and
 * all, and may add a "(Did you mean ...?)" line of its own: the first keeps
 * to one visible line, the second stays a line of its own.
 */
function commanderMessage(message: string): string {
  const text = message.replace(/^error: /, '').replace(/\n$/, '');
  const hint = /\n(\(Did you mean [^\n]*\?\))$/.exec(text);
  const main = hint ? text.slice(0, hint.index) : text;
  return `medinfo: ${cleanMessage(main)}\n${hint ? `${cleanMessage(hint[1]!)}\n` : ''}`;
}
