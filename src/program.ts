import { Command } from 'commander';
import { classes } from './commands/classes.js';
import { bareWords, unknownCommand } from './commands/bare-words.js';
import { compare } from './commands/compare.js';
import { compile } from './commands/compile.js';
import { completer, completion } from './commands/completion.js';
import { effect } from './commands/effect.js';
import { interactions } from './commands/interactions.js';
import { list } from './commands/list.js';
import { folderListOption, examples } from './commands/options.js';
import { search } from './commands/search.js';
import { show } from './commands/show.js';
import { sideEffects } from './commands/side-effects.js';
import type { CommandSpec, CompletionData } from './commands/spec.js';
import { studies } from './commands/studies.js';
import { createContext, type Context, type Streams } from './context.js';
import { createOutput } from './io/output.js';
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
  show, sideEffects, studies, interactions, compare, effect, search, list, classes, compile, completion,
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
    .option('--no-color', 'never color the output (NO_COLOR and FORCE_COLOR are honored too)')
    .option('--data-dir <dir>', 'also read the monographs (*.md) in this folder, or a library made by medinfo compile; repeat for more folders (the first wins)', folderListOption)
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
    const globals = program.opts<{ color: boolean; dataDir?: string[] }>();
    const output = createOutput({ stdout: streams.stdout, stderr: streams.stderr, env: streams.env, colorFlag: globals.color });
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
