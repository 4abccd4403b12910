/**
 * A copy of plain data made of strings of its own. A string cut from a larger
 * one (as the YAML and Markdown parsers cut names from a monograph's text) can
 * keep that whole text alive: kept for every file of a large compile, that is
 * hundreds of megabytes.
 */
export function copied<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
