import { DataError } from '../core/errors.js';

/**
 * How deeply lists and block quotes may nest in a monograph's body. Real
 * monographs nest two or three levels; marked's time grows steeply with depth
 * (800 nested list items took it 5 s, 2,000 nested quotes overflow its stack).
 */
export const MAX_BODY_NESTING = 16;

/**
 * Refuses a markdown body whose lists or block quotes nest more than
 * MAX_BODY_NESTING deep, before marked sees it. `firstLine` is the file's line
 * number of the body's first line. One pass over the text.
 *
 * Only a line that starts with a list marker or `>` can open a container, and
 * each container it sits in shows on that line as a `>` or as at least two
 * columns of indentation (a list item's content starts two columns past its
 * marker, or more). So markers plus half the indentation, counted over the
 * line's leading run of markers and blanks, bounds its depth from above.
 */
export function checkBodyNesting(body: string, file: string, firstLine: number): void {
  let line = firstLine;
  for (let start = 0; start < body.length; line++) {
    if (depthBound(body, start) > MAX_BODY_NESTING) {
      throw new DataError(file, '', `lists or block quotes are nested more than ${MAX_BODY_NESTING} levels deep`, line);
    }
    const end = body.indexOf('\n', start);
    if (end === -1) break;
    start = end + 1;
  }
}

function depthBound(text: string, start: number): number {
  let markers = 0;
  let columns = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === ' ') columns += 1;
    else if (c === '\t') columns += 4;
    else if (c === '>') markers++;
    else if ((c === '-' || c === '*' || c === '+') && endsMarker(text, i + 1)) markers++;
    else if (c! >= '0' && c! <= '9') {
      // An ordered-list marker: up to nine digits, then . or ).
      let j = i;
      while (j < text.length && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if ((text[j] !== '.' && text[j] !== ')') || !endsMarker(text, j + 1)) break;
      markers++;
      i = j;
    } else break;
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

function endsMarker(text: string, at: number): boolean {
  const c = text[at];
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}
