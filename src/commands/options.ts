import { InvalidArgumentError } from 'commander';

// Plain decimals only: Number() would also take 0x10, 1e2, 0b11 and ' 5 '.
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** Parses `--min 12.5`: a decimal number from 0 to 100. */
export function percentOption(value: string): number {
  const number = Number(value);
  if (!DECIMAL.test(value) || number > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100, written as a decimal number (12.5).');
  return number;
}

/** Parses `--limit 5`: a whole number of at least 1. */
export function countOption(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1 || !Number.isSafeInteger(number)) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return number;
}

/** An option that names something (a section, a folder): an empty value is a mistake, not "everything". */
export function nonEmptyOption(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a value, got an empty string.');
  return value;
}

/** `--data-dir a --data-dir b`: every folder, in the order given. */
export function folderListOption(value: string, previous: string[] = []): string[] {
  return [...previous, nonEmptyOption(value)];
}

/** Help text listing examples, shown after a command's options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
