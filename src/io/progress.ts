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
