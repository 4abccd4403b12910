/** Names from stdin for `-`: one per line, blank lines and `#` comments skipped. */
export function stdinLines(read: () => string): string[] {
  return read()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
