import { escapeJson } from '../io/sanitize.js';

/** JSON for other programs: one document, two-space indent, a final newline, never color, no raw control characters. */
export function renderJson(value: unknown): string {
  return `${escapeJson(JSON.stringify(value, null, 2))}\n`;
}
