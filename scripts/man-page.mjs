// Writes dist/medinfo.1, the man page, from the bundle's own program: its command table, read
// as the help shows it (src/outline.ts), so a new command or option is in the page without
// anyone editing this file. The page depends only on the program: no date from the clock.
//   node scripts/man-page.mjs [dist]   after changing dist/cli.cjs by any other way than npm run build
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function writeManPage(dist = 'dist') {
  const { programOutline } = createRequire(import.meta.url)(resolve(dist, 'cli.cjs'));
  writeFileSync(join(dist, 'medinfo.1'), manPage(programOutline()));
}

/** The roff source of medinfo(1) for an outline of the program. */
export function manPage(program) {
  const lines = [
    `.TH ${text(program.name.toUpperCase())} 1 "" "${text(`${program.name} ${program.version}`)}" "User Commands"`,
    // Left-aligned and unhyphenated: a page of option names and commands to copy.
    '.ad l',
    '.nh',
    '.SH NAME',
    `${text(program.name)} \\- ${text(lowerFirst(program.description.replace(/\.$/, '')))}`,
    '.SH SYNOPSIS',
    ...program.commands.flatMap((command, i) => [...(i > 0 ? ['.br'] : []), usage(command.usage)]),
    '.SH DESCRIPTION',
    text(program.description),
    ...program.notes.flatMap((note) => ['.PP', text(note)]),
    '.SH OPTIONS',
    ...items(program.options),
    '.SH COMMANDS',
    ...program.commands.flatMap((command) => [
      `.SS ${text(command.name)}`,
      usage(command.usage),
      '.PP',
      text(sentence(command.description)),
      ...(command.arguments.length > 0 ? ['.PP', 'Arguments:', ...items(command.arguments)] : []),
      ...(command.options.length > 0 ? ['.PP', 'Options:', ...items(command.options)] : []),
      ...command.notes.flatMap((note) => ['.PP', text(note)]),
      ...(command.examples.length > 0 ? ['.PP', 'Examples:', ...examples(command.examples)] : []),
    ]),
    '.SH EXAMPLES',
    '.nf',
    ...program.examples.map(text),
    '.fi',
    '.SH EXIT STATUS',
    ...items([
      { term: '0', description: 'success' },
      { term: '1', description: 'no such drug, section or search result' },
      { term: '2', description: 'usage error (unknown command or option, bad option value, unreadable --data-dir) or bad data' },
      { term: '3', description: 'something at or above interactions --fail-on <severity> was found' },
      { term: '70', description: 'a bug in medinfo (set MEDINFO_DEBUG=1 for the stack trace)' },
      { term: '74', description: 'output could not be written; a closed pipe is a normal end, 0' },
    ]),
    '.SH SEE ALSO',
    text(`README.md and docs/ in the folder medinfo is installed in (npm root -g shows where): the monograph format, the class tags, the JSON output and what medinfo trusts.`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A usage line: the command in bold, its placeholders in italics. */
function usage(line) {
  return line
    .split(' ')
    .map((word, i) => (i < 2 && !/^[<[]/.test(word) ? bold(word) : /^[<[]/.test(word) ? italic(word) : text(word)))
    .join(' ');
}

/** Tagged paragraphs: an option's flags (bold) and value (italics), or an argument, then what it does. */
function items(list) {
  return list.flatMap(({ term, description }) => ['.TP', term.split(/(?<=,) /).map(termPart).join(' '), text(sentence(description))]);
}

function termPart(part) {
  return part
    .split(' ')
    .map((word) => (/^[<[]/.test(word) ? italic(word) : bold(word.replace(/,$/, '')) + (word.endsWith(',') ? ',' : '')))
    .join(' ');
}

/** Command lines, indented and kept as they are. */
function examples(list) {
  return ['.PP', '.RS', '.nf', ...list.map(text), '.fi', '.RE'];
}

function sentence(description) {
  return description === '' ? '' : `${description[0].toUpperCase()}${description.slice(1)}${/[.?!]$/.test(description) ? '' : '.'}`;
}

const lowerFirst = (phrase) => `${phrase.slice(0, 1).toLowerCase()}${phrase.slice(1)}`;
const bold = (word) => `\\fB${text(word)}\\fR`;
const italic = (word) => `\\fI${text(word)}\\fR`;

/**
 * Text for a roff line: a backslash is roff's escape, a hyphen written `\-` stays a hyphen
 * that can be copied into a shell, a line starting with . or ' would be a request, and
 * anything beyond ASCII is named by its code point, which every man reader understands.
 */
export function text(value) {
  const escaped = [...value.replace(/\s*\n\s*/g, ' ')]
    .map((char) => {
      if (char === '\\') return '\\e';
      if (char === '-') return '\\-';
      const code = char.codePointAt(0);
      if (code < 0x20 || code === 0x7f) return '';
      return code > 0x7e ? `\\[u${code.toString(16).toUpperCase().padStart(4, '0')}]` : char;
    })
    .join('');
  return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) writeManPage(process.argv[2]);
