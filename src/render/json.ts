/** JSON for other programs: one document, two-space indent, a final newline, never color. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
