/**
 * Whole numbers written as fixed-width base-36 digits in one string. A
 * compiled index stores its large number lists this way: one string parses
 * far faster than an array of tens of thousands of numbers, and a look-up
 * reads only the numbers it needs.
 */

/** How many base-36 digits the largest value needs. */
export function widthFor(largest: number): number {
  let width = 1;
  while (36 ** width <= largest) width++;
  return width;
}

export function packNumbers(values: ArrayLike<number>, width: number): string {
  const parts: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = values[i]!.toString(36).padStart(width, '0');
  return parts.join('');
}

/** The i-th number of a packed string; parseInt(slice, 36) without making a string. */
export function packedAt(packed: string, i: number, width: number): number {
  let value = 0;
  for (let at = i * width; at < (i + 1) * width; at++) {
    const c = packed.charCodeAt(at);
    value = value * 36 + (c <= 57 ? c - 48 : c - 87);
  }
  return value;
}

/** Strings joined by newlines, with where each starts, packed. */
export interface PackedStrings {
  text: string;
  starts: string;
}

export function packStrings(strings: readonly string[], width: number): PackedStrings {
  const starts: number[] = [];
  let at = 0;
  for (const string of strings) {
    starts.push(at);
    at += string.length + 1;
  }
  return { text: strings.join('\n'), starts: packNumbers(starts, width) };
}
