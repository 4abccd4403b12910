import type { Command, Option } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BARE_COMMAND } from '../commands/bare-words.js';
import type { CompletionData, WordKind } from '../commands/spec.js';
import { classVocabulary, effectVocabulary, listDrugs, resolveDrug, type Catalog } from '../core/catalog.js';
import { NotFoundError } from '../core/errors.js';
import { nameKey, namesOf } from '../core/names.js';
import { USUAL_SECTIONS } from '../core/sections.js';
import type { Context } from '../context.js';
import { cleanLine } from '../io/sanitize.js';

/** One completion: the word, and what it is (shown beside it by zsh and fish). */
export interface Candidate {
  value: string;
  description?: string;
}

/** What the word being typed completes to: candidates, or folders, which the shell lists itself. */
export type Completions = { candidates: Candidate[] } | { folders: true };

/** Where the completion data of a command comes from: the command table, by command name (the program's own is `medinfo`). */
export type CompletionDataOf = (commandName: string) => CompletionData;

/** What the words before the one being typed say. */
export interface Line {
  /** The command they run: the program itself until one is named. */
  command: Command;
  /** The arguments given to it so far. */
  positionals: string[];
  /** The option the word being typed is the value of. */
  pending?: Option;
  /** The --data-dir folders given: the drugs in them complete too. */
  dataDirs: string[];
  /** Whether `--` has ended the options. */
  dashes: boolean;
}

/**
 * Reads the words of a command line (those after `medinfo`, the one being
 * typed last) as commander would: global options and their values, the
 * command, its options and arguments. Nothing here knows a command by name:
 * the commander objects say it all.
 */
export function readLine(program: Command, words: readonly string[], dataOf: CompletionDataOf): Line {
  const line: Line = { command: program, positionals: [], dataDirs: [], dashes: false };
  for (const word of words.slice(0, -1)) {
    if (line.pending) {
      if (kindOf(program, line, line.pending, dataOf) === 'data-dir') line.dataDirs.push(word);
      line.pending = undefined;
    } else if (!line.dashes && word === '--') {
      line.dashes = true;
    } else if (!line.dashes && isOption(word)) {
      const [flag, value] = splitOption(word);
      const option = findOption(program, line, flag);
      if (option && takesValue(option) && value === undefined) line.pending = option;
      if (option && value !== undefined && kindOf(program, line, option, dataOf) === 'data-dir') line.dataDirs.push(value);
    } else if (line.command === program && line.positionals.length === 0 && findCommand(program, word)) {
      line.command = findCommand(program, word)!;
    } else {
      line.positionals.push(word);
    }
  }
  return line;
}

/** What the last of `words` completes to, on the line the others make. */
export function complete(program: Command, words: readonly string[], dataOf: CompletionDataOf, catalog: Catalog): Completions {
  const line = readLine(program, words, dataOf);
  const typed = words.at(-1) ?? '';
  const ask: Ask = { program, line, dataOf, catalog };
  if (line.pending) return matching(optionValues(ask, line.pending, typed), typed);
  if (typed.startsWith('--') && typed.includes('=')) {
    const [flag, value] = splitOption(typed);
    const option = findOption(program, line, flag);
    if (!option || !takesValue(option)) return { candidates: [] };
    return matching(prefixed(optionValues(ask, option, value ?? ''), `${flag}=`), typed);
  }
  if (typed.startsWith('-') && !line.dashes) return matching({ candidates: optionsOf(program, optionHost(program, line)) }, typed);
  if (line.command === program && line.positionals.length === 0) {
    const commands = matching({ candidates: commandsOf(program) }, typed);
    // A word no command starts with may be a drug to show (medinfo lioresal).
    if (typed === '' || ('candidates' in commands && commands.candidates.length > 0)) return commands;
  }
  return matching(argumentValues(ask, typed), typed);
}

/** What a completion is asked on: the program, the line, and the libraries that line reads. */
interface Ask {
  program: Command;
  line: Line;
  dataOf: CompletionDataOf;
  catalog: Catalog;
}

/** Whose options apply: the command's, or show's after a drug typed with no command. */
function optionHost(program: Command, line: Line): Command {
  if (line.command !== program || line.positionals.length === 0) return line.command;
  return findCommand(program, BARE_COMMAND) ?? program;
}

function findCommand(program: Command, word: string): Command | undefined {
  return program.commands.find((command) => command.name() === word || command.aliases().includes(word));
}

/** An option of the command the line runs (or of show, after a bare drug name), or a global one. */
function findOption(program: Command, line: Line, flag: string): Option | undefined {
  const matches = (option: Option) => option.long === flag || option.short === flag;
  return optionHost(program, line).options.find(matches) ?? program.options.find(matches);
}

const isOption = (word: string) => word.startsWith('-') && word !== '-';
const takesValue = (option: Option) => option.required || option.optional;

/** What an option's value is, by the completion data of the command it belongs to (the program, for a global one). */
function kindOf(program: Command, line: Line, option: Option, dataOf: CompletionDataOf): WordKind | undefined {
  const owner = program.options.includes(option) ? program : optionHost(program, line);
  return dataOf(owner.name()).options?.[option.long ?? ''];
}

function splitOption(word: string): [string, string | undefined] {
  const at = word.indexOf('=');
  return word.startsWith('--') && at > 0 ? [word.slice(0, at), word.slice(at + 1)] : [word, undefined];
}

function commandsOf(program: Command): Candidate[] {
  return program
    .createHelp()
    .visibleCommands(program)
    .flatMap((command) => [command.name(), ...command.aliases()].map((value) => ({ value, description: command.description() })));
}

/** The long options of the command, then the global ones. */
function optionsOf(program: Command, host: Command): Candidate[] {
  const help = program.createHelp();
  const seen = new Set<string>();
  return [...help.visibleOptions(host), ...(host === program ? [] : help.visibleOptions(program))].flatMap((option) => {
    if (!option.long || seen.has(option.long)) return [];
    seen.add(option.long);
    return [{ value: option.long, description: option.description }];
  });
}

/** What the value of `option` can be, given what of it is typed so far. */
function optionValues(ask: Ask, option: Option, typed: string): Completions {
  const kind = kindOf(ask.program, ask.line, option, ask.dataOf);
  return kind ? wordsOf(ask, kind, typed) : { candidates: (option.argChoices ?? []).map((value) => ({ value })) };
}

/** What the next argument of the line's command can be, given what of it is typed so far. */
function argumentValues(ask: Ask, typed: string): Completions {
  const { command, positionals } = ask.line;
  const declared = command.registeredArguments;
  if (declared.length === 0 || (positionals.length >= declared.length && !declared.at(-1)!.variadic)) return { candidates: [] };
  const at = Math.min(positionals.length, declared.length - 1);
  const kind = ask.dataOf(command.name()).arguments?.[at];
  return kind ? wordsOf(ask, kind, typed) : { candidates: (declared[at]!.argChoices ?? []).map((value) => ({ value })) };
}

/** The words of a kind, from the catalog the line reads. */
function wordsOf(ask: Ask, kind: WordKind, typed: string): Completions {
  const { catalog, line, program } = ask;
  switch (kind) {
    case 'folder':
    case 'data-dir':
      return { folders: true };
    case 'drug':
      return { candidates: drugWords(catalog) };
    case 'drug-list': {
      // Names separated by commas: the last one is being typed.
      const head = typed.slice(0, typed.lastIndexOf(',') + 1);
      return prefixed({ candidates: drugWords(catalog) }, head);
    }
    case 'class':
      return { candidates: Object.entries(classVocabulary(catalog)).map(([tag, description]) => ({ value: asWord(tag), description })).filter((candidate) => candidate.value) };
    case 'effect':
      return { candidates: Object.keys(effectVocabulary(catalog)).map((term) => ({ value: asWord(term) })).filter((candidate) => candidate.value) };
    case 'section':
      return { candidates: sectionWords(catalog, line) };
    case 'command':
      return { candidates: commandsOf(program) };
  }
}

function prefixed(completions: Completions, prefix: string): Completions {
  if ('folders' in completions || prefix === '') return completions;
  return { candidates: completions.candidates.map((candidate) => ({ ...candidate, value: `${prefix}${candidate.value}` })) };
}

/**
 * Every name a drug answers to, as one word a shell needs no quotes for:
 * `tylenol-pm` for Tylenol PM (resolving folds hyphens to spaces), and no
 * word at all for a name with quotes or brackets in it; its slug always is one.
 */
export function drugWords(catalog: Catalog): Candidate[] {
  const words = new Map<string, string>();
  for (const drug of listDrugs(catalog)) {
    for (const name of namesOf(drug)) {
      const word = asWord(name);
      if (word && !words.has(word)) words.set(word, drug.name);
    }
  }
  return [...words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, description]) => ({ value, description }));
}

/** The section titles of the first drug on the line that resolves, or the usual ones. */
function sectionWords(catalog: Catalog, line: Line): Candidate[] {
  for (const name of line.positionals) {
    try {
      const { monograph } = resolveDrug(catalog, name);
      return monograph.sections.map((section) => ({ value: asWord(section.title), description: section.title })).filter((candidate) => candidate.value);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return USUAL_SECTIONS.map((title) => ({ value: asWord(title) }));
}

// Letters and digits, with dots, plus signs and hyphens between them: nothing a shell would act on.
const PLAIN_WORD = /^[\p{L}\p{N}][\p{L}\p{N}.+-]*$/u;

/** A name as one word to type: its name key with hyphens for spaces, or '' when that still is not plain. */
function asWord(name: string): string {
  const word = nameKey(name).replace(/ /g, '-');
  return PLAIN_WORD.test(word) ? word : '';
}

/**
 * The candidates that start with what was typed, ignoring case and accents;
 * for a comma-separated list, with what its last item starts with.
 */
function matching(completions: Completions, typed: string): Completions {
  if ('folders' in completions) return completions;
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const wanted = fold(typed);
  return { candidates: completions.candidates.filter((candidate) => fold(candidate.value).startsWith(wanted)) };
}

/**
 * The answer as the completion scripts read it: one candidate a line, its
 * description after a tab, or the single line `:folders`. Much of it comes
 * from the data (or from the typed word), and so is sanitised: no control
 * character reaches the shell's line or screen.
 */
export function formatCompletions(completions: Completions): string {
  if ('folders' in completions) return ':folders\n';
  const field = (text: string) => cleanLine(text).replace(/\t/g, ' ');
  return completions.candidates.map(({ value, description }) => (description ? `${field(value)}\t${field(description)}\n` : `${field(value)}\n`)).join('');
}

/**
 * The answer to `medinfo __complete -- <words>`: the line is read, the
 * libraries it names opened (its --data-dir folders, with `~/` for the home
 * folder, as a shell would have expanded it; the bundled library alone if a
 * folder cannot be read, as it may be half typed), and the last word completed.
 */
export async function completeWords(program: Command, words: readonly string[], dataOf: CompletionDataOf, context: Context): Promise<string> {
  const dirs = readLine(program, words, dataOf).dataDirs.map((dir) => (dir === '~' || dir.startsWith('~/') ? join(homedir(), dir.slice(1)) : dir));
  const catalog = await context
    .catalogFor(dirs)
    .catch(() => context.catalogFor([]))
    .catch((): Catalog => []);
  return formatCompletions(complete(program, words, dataOf, catalog));
}
