import matter from 'gray-matter';
import { load } from 'js-yaml';
import { DataError } from '../core/errors.js';

/** Far deeper than a monograph needs: its deepest value, a percent range in a side-effect row, is four levels down. */
export const MAX_YAML_DEPTH = 16;

const NO_FRONT_MATTER = 'has no YAML front matter between --- lines';

/**
 * Splits a monograph into its front matter, parsed, and its markdown body.
 * The front matter is YAML and nothing else: an opening line that names a
 * language (`---js`, `--- coffee`), which front-matter libraries run as code,
 * is refused. So are YAML aliases (`*name`): monographs never need them, and
 * they are how a 90 KB file expands to gigabytes. Every step is linear in the
 * length of the text.
 */
export function splitFrontMatter(input: string, file: string): { data: unknown; yaml: string; body: string; bodyLine: number } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!text.startsWith('---')) throw new DataError(file, '', NO_FRONT_MATTER);
  const firstEnd = lineEnd(text, 0);
  const opening = text.slice(0, firstEnd).trimEnd();
  if (opening !== '---') {
    const shown = /^---[\w .+-]{1,20}$/.test(opening) ? ` (this file opens with "${opening}")` : '';
    throw new DataError(file, '', `front matter must be YAML, opened by a line of just ---${shown}`, 1);
  }
  let line = 2;
  for (let start = firstEnd + 1; start < text.length; start = lineEnd(text, start) + 1, line++) {
    if (!text.startsWith('---', start)) continue;
    const end = lineEnd(text, start);
    if (text.slice(start + 3, end).trim() !== '') continue;
    // The YAML keeps the newline that ends the opening line, so its line numbers are the file's.
    const yaml = text.slice(firstEnd, start);
    return { data: viaGrayMatter(yaml, file), yaml, body: text.slice(end + 1), bodyLine: line + 1 };
  }
  throw new DataError(file, '', 'front matter has no closing --- line');
}

/**
 * gray-matter reads the front matter with the one engine medinfo gives it: the
 * bounded YAML parser below, over the YAML exactly as the file has it (so its
 * line numbers are the file's). Its own engines (JavaScript, CoffeeScript,
 * JSON, which run or trust what the file says) are replaced by a refusal, so
 * a language named after the opening --- can never reach one, whatever the
 * check above lets through. gray-matter is shown the front matter without its
 * blank lines: its comment check, /^\s*#[^\n]+/gm, is quadratic in them.
 */
function viaGrayMatter(yaml: string, file: string): unknown {
  const head = `---\n${yaml
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n')}\n---\n`;
  const refuse = (): never => {
    throw new DataError(file, '', 'front matter must be YAML, opened by a line of just ---', 1);
  };
  const engines = Object.fromEntries(['javascript', 'js', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((name) => [name, refuse]));
  let data: unknown;
  matter(head, {
    language: 'yaml',
    engines: {
      ...engines,
      yaml: () => {
        data = parseYaml(yaml, file);
        return data as object;
      },
    },
  });
  // gray-matter skips the engine for blank front matter; the parser says what is wrong with it.
  return data ?? parseYaml(yaml, file);
}

function lineEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

function parseYaml(yaml: string, file: string): unknown {
  // A line that is neither blank nor a comment; one pass, since [ \t]* cannot run past a line.
  if (!/^[ \t]*[^\s#]/m.test(yaml)) throw new DataError(file, '', NO_FRONT_MATTER);
  let data: unknown;
  try {
    data = load(yaml, { maxAliases: 0, maxDepth: MAX_YAML_DEPTH });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.split('\n')[0] ?? 'unreadable';
    // js-yaml ends its message with (line:column); the line goes where every problem's line goes.
    const where = /\s*\((\d+):\d+\)$/.exec(reason);
    const line = where ? Number(where[1]) : null;
    if (reason.startsWith('aliases exceeded')) {
      throw new DataError(file, '', 'front matter uses a YAML alias (*name); monographs must write every value out', line);
    }
    if (reason.startsWith('nesting exceeded')) {
      throw new DataError(file, '', `front matter is nested more than ${MAX_YAML_DEPTH} levels deep`, line);
    }
    throw new DataError(file, '', `front matter is not valid YAML (${where ? reason.slice(0, where.index) : reason})`, line);
  }
  if (data === null || data === undefined || (typeof data === 'object' && Object.keys(data).length === 0)) {
    throw new DataError(file, '', NO_FRONT_MATTER);
  }
  return data;
}
