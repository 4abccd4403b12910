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

/** How often compile redraws its line: often enough to move, seldom enough to cost nothing. */
const STEPS = 200;

/**
 * compile's count on a progress line, "compiling: 1,200 of 50,000
 * monographs", redrawn a few hundred times at most and cleared when all
 * are done, so that only the result stays on the screen.
 */
export function compileProgress(line: (text: string) => void): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    if (done >= total) {
      if (shown >= 0) line('');
      return;
    }
    const step = Math.floor((done * STEPS) / total);
    if (step === shown) return;
    shown = step;
    line(`compiling: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} monographs`);
  };
}
