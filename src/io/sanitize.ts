// C0 controls but tab and newline, DEL, C1 controls, and the invisible
// direction marks and overrides that can make text read differently from
// what it is (Trojan Source).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same, with tab and newline too: for text that must stay on one line.
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// What JSON.stringify leaves raw and a terminal may still act on.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b`, `\u202e`: a control character written so that it shows instead of acting. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Makes text from an argument, a file name or a data file safe to print:
 * every control character is shown as an escape (`\x1b`) instead of reaching
 * the terminal. Tabs and newlines are kept.
 */
export function clean(text: string): string {
  return text.replace(CONTROL, visible);
}

/** clean(), and folded onto one line (line breaks and the spaces around them become one space): for cells, names, headers. */
export function cleanLine(text: string): string {
  return clean(oneLine(text));
}

/**
 * Text folded onto one line as cleanLine folds it, not yet cleaned: for a
 * renderer that cleans a whole table at once (clean() works character by
 * character, so cleaning the joined text is cleaning each part).
 */
export function oneLine(text: string): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  // Split and trim rather than /\s*[\r\n]+\s*/, which backtracks quadratically on long runs of spaces.
  const parts = text.split(/[\r\n]+/);
  const last = parts.length - 1;
  const kept = parts
    .map((part, i) => (i === 0 ? part.trimEnd() : i === last ? part.trimStart() : part.trim()))
    .filter((part, i) => part !== '' || i === 0 || i === last);
  return kept.join(' ');
}

/** One line for stderr: every control character, tab and line break included, made visible. */
export function cleanMessage(text: string): string {
  return text.replace(CONTROL_OR_BREAK, visible);
}

/** JSON text with the controls JSON.stringify leaves raw (C1, bidi, line separators) written as \u escapes; still valid JSON. */
export function escapeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
