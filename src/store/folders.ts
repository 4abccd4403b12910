import { resolve } from 'node:path';

/** A folder of the user's that a run reads, and what named it. */
export interface UserFolder {
  /** As the user wrote it (relative to the working folder, or absolute). */
  dir: string;
  from: '--data-dir' | 'MEDINFO_PATH';
}

/**
 * The user folders a run reads, in priority order: the `--data-dir` folders
 * in the order given, then the entries of `MEDINFO_PATH` (`:`-separated, empty
 * entries ignored) in their order. The bundled library comes after all of
 * them. Where two name the same folder, it is read once, in the first place.
 * Every part of medinfo that reads user folders (the catalog, completions)
 * gets its list from here.
 */
export function userFolders(dataDirs: readonly string[], env: NodeJS.ProcessEnv): UserFolder[] {
  const named: UserFolder[] = [
    ...dataDirs.map((dir): UserFolder => ({ dir, from: '--data-dir' })),
    ...(env.MEDINFO_PATH ?? '')
      .split(':')
      .filter((dir) => dir !== '')
      .map((dir): UserFolder => ({ dir, from: 'MEDINFO_PATH' })),
  ];
  const seen = new Set<string>();
  return named.filter(({ dir }) => {
    const key = resolve(dir);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
