/**
 * Text for a terminal or a CI log that no runner reads as a command. GitHub's runner takes a line
 * whose first non-blank characters are `::` as a workflow command (`::error`, `::stop-commands::`)
 * and `##[` anywhere in a line as a legacy one; content quoted in our output (names, titles, file
 * names) could otherwise annotate, mask or silence a job. Line breaks inside quoted values are
 * made visible by `visible()` first; this guards what reaches the start of a line anyway.
 */
export function logSafe(text: string): string {
  return text.replace(/^([^\S\n]*):(?=:)/gm, '$1: ').replaceAll('##[', '## [');
}

/**
 * JSON for a log: the same data, with `[` after `##` written as `\u005b` so no line of it is a
 * legacy workflow command. `##[` can only occur inside strings, where the escape means the same.
 */
export function jsonLogSafe(json: string): string {
  return json.replaceAll('##[', '##\\u005b');
}
