export function writeSyntheticLibrary(count: number, dir: string): void;
export function stemOf(i: number): string;
export function brandStemOf(i: number): string;
