/**
 * A progress line for a long run (medinfo import): written over itself on
 * stderr when stderr is a terminal, and not at all otherwise, so that a log
 * or a pipe holds only the messages. '' clears the line. The text is the
 * caller's, already sanitised.
 */
export function progressLine(stderr: () => { write(text: string): unknown; isTTY?: boolean }): (text: string) => void {
  return (text) => {
    const stream = stderr();
    if (stream.isTTY) stream.write(`\r\u001b[K${text}`);
  };
}

/** How often a progress line is redrawn: often enough to move, seldom enough to cost nothing. */
const STEPS = 200;

/**
 * The progress line of compile for a terminal's stderr, "compiling: 1,200 of 50,000
 * monographs", redrawn in place as work is done and erased when it is all
 * done, so that only the result stays on the screen. Only our own text is
 * written, never data.
 */
export function compileProgress(stderr: { write(text: string): unknown }): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    if (done >= total) {
      if (shown >= 0) stderr.write('\r\u001b[K');
      return;
    }
    const step = Math.floor((done * STEPS) / total);
    if (step === shown) return;
    shown = step;
    stderr.write(`\rcompiling: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} monographs`);
  };
}
