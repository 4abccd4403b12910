import { InvalidArgumentError } from 'commander';

/** Parses `--min 12.5`: a number from 0 to 100. */
export function percentOption(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 100) {
    throw new InvalidArgumentError('expected a percentage from 0 to 100.');
  }
  return number;
}

/** Parses `--limit 5`: a whole number of at least 1. */
export function countOption(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return number;
}

/** Help text listing examples, shown after a command's options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
