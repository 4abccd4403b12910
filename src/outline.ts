import type { EventEmitter } from 'node:events';
import type { Argument, Command, Help } from 'commander';
import { createProgram } from './program.js';

/** A term of a command's help (`-s, --section <name>`, `<drug...>`) and what it says about it. */
export interface HelpItem {
  term: string;
  description: string;
}

/** One command as its help shows it. */
export interface CommandOutline {
  name: string;
  /** `medinfo show [options] <drug...>` */
  usage: string;
  description: string;
  arguments: HelpItem[];
  options: HelpItem[];
  /** Paragraphs of the help text after the options, each on one line. */
  notes: string[];
  /** Example command lines, without the `$ ` prompt. */
  examples: string[];
}

export interface ProgramOutline extends CommandOutline {
  version: string;
  commands: CommandOutline[];
}

/**
 * The program as plain data, read from the command table through commander's
 * own help: what `medinfo --help` and `medinfo <command> --help` say, in order.
 * The man page (scripts/man-page.mjs) is written from it at build time.
 */
export function programOutline(): ProgramOutline {
  const program = createProgram({ stdout: { isTTY: false, columns: undefined, write: () => undefined }, stderr: () => ({ write: () => true }), stdin: () => '', env: {} });
  const help = program.createHelp();
  return {
    ...commandOutline(program, help, true),
    version: program.version() ?? '',
    commands: help.visibleCommands(program).map((command) => commandOutline(command, help, false)),
  };
}

function commandOutline(command: Command, help: Help, withHelpOption: boolean): CommandOutline {
  const { notes, examples } = afterHelp(command);
  return {
    name: command.name(),
    usage: help.commandUsage(command),
    description: help.commandDescription(command),
    arguments: help.visibleArguments(command).map((argument) => ({ term: argumentTerm(argument), description: help.argumentDescription(argument) })),
    options: help
      .visibleOptions(command)
      // Every command has -h, --help: the man page says so once, among the global options.
      .filter((option) => withHelpOption || option.long !== '--help')
      .map((option) => ({ term: help.optionTerm(option), description: help.optionDescription(option) })),
    notes,
    examples,
  };
}

/** An argument as the usage line writes it (`<drug...>`); commander's help names it bare. */
function argumentTerm(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

/** The text a command's help prints after its options (src/commands/options.ts `examples`), split into prose and examples. */
function afterHelp(command: Command): { notes: string[]; examples: string[] } {
  let text = '';
  // addHelpText registers a listener of this event (commander's types leave out that a Command is an EventEmitter).
  const listeners = (command as unknown as EventEmitter).listeners('afterHelp');
  for (const listener of listeners) listener({ error: false, command, write: (part: string) => (text += part) });
  const [prose = '', exampleLines = ''] = text.split(/^Examples:$/m);
  return {
    notes: prose
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/g, ' '))
      .filter((paragraph) => paragraph !== ''),
    examples: exampleLines
      .split('\n')
      .map((line) => /^\s*\$ (.*)$/.exec(line)?.[1])
      .filter((line): line is string => line !== undefined),
  };
}
