import { spawn } from 'node:child_process';

/** The pager when neither MEDINFO_PAGER nor PAGER names one: quit if it fits, keep colors, leave the text on the screen. */
const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager's words: $MEDINFO_PAGER, else $PAGER, else `less -FRX`; an empty
 * or blank value counts as unset. Split as a shell splits simple words (quotes,
 * backslashes), but never run through a shell. Undefined for `cat`, which
 * would only copy the text to the screen.
 */
export function pagerCommand(env: NodeJS.ProcessEnv): string[] | undefined {
  const words = [env.MEDINFO_PAGER, env.PAGER, DEFAULT_PAGER].map((value) => splitWords(value ?? '')).find((split) => split.length > 0)!;
  return words.length === 1 && words[0] === 'cat' ? undefined : words;
}

/**
 * Words as sh would split them, for the simple strings pager settings are:
 * blanks separate words; '...' keeps everything, "..." and \ keep the next
 * character. Nothing is expanded ($, ~, globs) and |, ; are plain characters.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (char === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * Shows `text` through the pager, its stdout and stderr the terminal's own.
 * Resolves true once the pager has exited, however it ended (a reader that
 * quits early is a normal end); false when no pager could be started (not
 * installed, `cat`), for the caller to print the text itself. While the pager
 * runs, Ctrl-C is left to it: medinfo ignores SIGINT and waits, so it never
 * exits under a pager that still holds the terminal.
 */
export function page(text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const command = pagerCommand(env);
  if (!command) return Promise.resolve(false);
  return new Promise((resolve) => {
    // As git does: less and lv keep colors and leave the screen as it was, unless the user set them up otherwise.
    const childEnv = { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' };
    let child;
    try {
      child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: childEnv });
    } catch {
      resolve(false);
      return;
    }
    const ignore = () => undefined;
    let started = false;
    child.once('error', () => {
      if (!started) resolve(false);
    });
    child.once('spawn', () => {
      started = true;
      process.on('SIGINT', ignore);
      // The pager quit before reading it all (q): EPIPE, nothing more to show.
      child.stdin.on('error', ignore);
      child.stdin.end(text);
    });
    child.once('close', () => {
      process.off('SIGINT', ignore);
      if (started) resolve(true);
    });
  });
}
