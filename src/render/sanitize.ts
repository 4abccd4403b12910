import stripAnsi from 'strip-ansi';

// C0 controls but tab and newline, DEL, C1 controls, and the bidirectional
// overrides that can make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from a data file safe to print: no escape sequences, no control
 * characters. Every string from a monograph passes through here on its way
 * to the terminal.
 */
export function clean(text: string): string {
  return stripAnsi(text).replace(CONTROL, '');
}

/** clean(), and folded onto one line: for table cells, names and headers. */
export function cleanLine(text: string): string {
  return clean(text.replace(/\s*[\r\n]+\s*/g, ' '));
}
