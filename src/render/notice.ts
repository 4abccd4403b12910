import type { Output } from '../io/output.js';
import { wrapText } from './wrap.js';

/** The last line of every human-readable answer that shows medical content. JSON never carries it. */
export const NOT_ADVICE = 'medinfo is reference information, not medical advice: ask a pharmacist or doctor before acting on it.';

/** The reminder, dimmed, wrapped like prose on a terminal. */
export function notAdvice(output: Output): string {
  return wrapText(NOT_ADVICE, output, '', '')
    .map((line) => output.style.dim(line))
    .join('\n');
}
