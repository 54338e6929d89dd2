/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote or line break in quotes,
 * its quotes doubled), safe to open in a spreadsheet: the exports carry text anyone with a pull
 * request wrote, and a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one) as a formula. Such a text cell gets a leading `'`, as OWASP
 * recommends, so it shows as the text it is.
 *
 * Numbers are written as numbers, never prefixed: `-5` is a value a spreadsheet should sum, and a
 * JavaScript number's digits cannot make a formula. Only a cell given as a string is neutralised,
 * so the text `-5` becomes `'-5`.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row, then one line per row; every line ends in CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
