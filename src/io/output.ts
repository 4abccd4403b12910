import { Chalk, type ChalkInstance } from 'chalk';
import { cleanMessage } from './sanitize.js';
import { isDirect, writeAll, type Sink } from './stdout.js';

/**
 * Everything about the terminal, decided once at start-up: whether to lay the
 * text out for a terminal, whether to color, how wide the screen is. Commands
 * and renderers ask this object; none of them probes the terminal itself.
 */
export interface Output {
  /** Lay the text out for a terminal (boxed tables, wrapped prose): stdout is a terminal, or --pretty was given. */
  isTerminal: boolean;
  color: boolean;
  /** The screen's width in columns: tables may use all of it, prose keeps a narrower measure (src/render/wrap.ts). */
  width: number;
  style: ChalkInstance;
  /** Writes to stdout; bytes (prepared output copied as it is) are written as they are, or copied, before it returns: the caller may reuse them. */
  out(text: string | Uint8Array): void;
  /** One line on stderr (an error, a warning, a note); control characters and line breaks in it are made visible. */
  err(line: string): void;
  /** Rendered text for stderr as it is: a page's title and notes when stdout is piped. Renderers have sanitised it. */
  note(text: string): void;
}

/** An Output as a run holds it: what out() held back for the pager is written by end(). */
export interface RunOutput extends Output {
  /** Writes what out() held back, through the pager when it is taller than the screen. */
  end(): Promise<void>;
}

/** --color's values; `auto` colors a terminal only. */
export const COLOR_WHEN = ['auto', 'always', 'never'] as const;
export type ColorWhen = (typeof COLOR_WHEN)[number];

export interface OutputOptions {
  stdout: Sink;
  /** A getter: opening stderr costs a few milliseconds (node:tty) on runs that never write to it. */
  stderr: () => { write(text: string): unknown; columns?: number };
  env: NodeJS.ProcessEnv;
  /** --color <when>, or false for --no-color (the last of them given); undefined when neither was. */
  color?: ColorWhen | false;
  /** --pretty: the terminal layout, and color, even when stdout is not a terminal. */
  pretty?: boolean;
  /** false with --no-pager. */
  pager?: boolean;
}

/** The width when nothing says otherwise (a pipe with --pretty, a terminal that does not tell). */
const DEFAULT_WIDTH = 80;
/** Narrower than this is not worth laying out for: text is laid out this wide and left to the terminal to fold. */
const MIN_WIDTH = 20;

export function createOutput({ stdout, stderr, env, color, pretty = false, pager = true }: OutputOptions): RunOutput {
  const isTerminal = stdout.isTTY || pretty;
  const when = color === false ? 'never' : (color ?? (pretty ? 'always' : 'auto'));
  const level = colorLevel(stdout.isTTY, env, when);
  const width = screenWidth(env, stdout.isTTY ? stdout.columns : pretty ? stderr().columns : undefined);
  const write = (text: string | Uint8Array) => void stdout.write(text);
  const writeErr = (text: string) => void stderr().write(text);
  // On a terminal, what is written is held back, to be paged if it turns out taller than the
  // screen; stderr's lines too, so that they come after the pager rather than scrolled away
  // above it, and otherwise in their place among the rest.
  const held: Array<{ text: string; toStderr: boolean }> | undefined = stdout.isTTY && pager && (stdout.rows ?? 0) > 0 ? [] : undefined;
  return {
    isTerminal,
    color: level > 0,
    width,
    style: new Chalk({ level }),
    // Held text is measured for the pager: bytes are held as text.
    out: held ? (text) => void held.push({ text: typeof text === 'string' ? text : Buffer.from(text).toString('utf8'), toStderr: false }) : write,
    err: (line) => (held ? void held.push({ text: `${cleanMessage(line)}\n`, toStderr: true }) : writeErr(`${cleanMessage(line)}\n`)),
    note: writeErr,
    end: async () => {
      if (!held || held.length === 0) return;
      const parts = held.splice(0);
      const text = parts.flatMap((part) => (part.toStderr ? [] : [part.text])).join('');
      if (screenLines(text, width) >= stdout.rows!) {
        // The pager's code (and node:child_process) is loaded only when there is something to page.
        const { page } = await import('./pager.js');
        if (await page(text, env)) {
          for (const part of parts) if (part.toStderr) writeErr(part.text);
          return;
        }
      }
      for (const part of parts) (part.toStderr ? writeErr : write)(part.text);
    },
  };
}

/** COLUMNS when it is a number, else what the terminal says, else 80; never under 20. */
export function screenWidth(env: NodeJS.ProcessEnv, detected: number | undefined): number {
  const columns = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : (detected ?? 0);
  return columns > 0 ? Math.max(MIN_WIDTH, columns) : DEFAULT_WIDTH;
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;]*m/g;

/** How many rows of the screen `text` fills, a line wider than the screen counting for each row it folds onto. */
function screenLines(text: string, width: number): number {
  let rows = 0;
  for (const line of text.split('\n')) rows += line.length <= width ? 1 : Math.max(1, Math.ceil(line.replace(ESCAPES, '').length / width));
  // The text ends with a newline: the empty string after it is the row the prompt comes back on.
  return text.endsWith('\n') ? rows - 1 : rows;
}

/**
 * stderr, opened on first use: written straight to file descriptor 2 when it
 * is a pipe or a file, as stdout is (stdout.ts), since process.stderr loads
 * Node's stream modules, and a piped table command writes its notes there; a
 * terminal's is process.stderr. A closed or broken stderr is ignored, as there
 * is nowhere left to report it.
 */
export function openStderr(): () => { write(text: string): unknown; columns?: number; isTTY?: boolean } {
  let stream: { write(text: string): unknown; columns?: number; isTTY?: boolean } | undefined;
  return () => {
    if (!stream) {
      if (isDirect(2)) {
        stream = {
          write: (text: string) => {
            try {
              writeAll(2, text);
            } catch {
              // nowhere left to report it
            }
          },
        };
      } else {
        process.stderr.on('error', () => undefined);
        stream = process.stderr;
      }
    }
    return stream;
  };
}

/**
 * The color level. --color always and never (and --no-color, and --pretty's
 * always) win over the environment. With auto: FORCE_COLOR (as Node itself
 * does), then NO_COLOR (https://no-color.org: any non-empty value), then color
 * only on a terminal that is not TERM=dumb.
 */
export function colorLevel(isTerminal: boolean, env: NodeJS.ProcessEnv, when: ColorWhen = 'auto'): 0 | 1 | 2 | 3 {
  if (when === 'never') return 0;
  const force = env.FORCE_COLOR;
  if (when === 'always') return force === '2' || force === '3' ? Number(force) as 2 | 3 : depth(env);
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (env.NO_COLOR) return 0;
  if (!isTerminal || env.TERM === 'dumb') return 0;
  return depth(env);
}

/** How many colors the terminal says it has: 24-bit, 256 or the basic 16. */
function depth(env: NodeJS.ProcessEnv): 1 | 2 | 3 {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}
