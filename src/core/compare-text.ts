/**
 * The one order for names, titles and ids wherever people or their work are listed: alphabetical
 * in English collation, so `Ángel` sits with `Ana`, never by count or by file order.
 */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
