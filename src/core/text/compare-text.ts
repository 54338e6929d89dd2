// Numeric, so `Goal 2` sorts before `Goal 10`; one collator keeps sorting cheap at 10k items.
const COLLATOR = new Intl.Collator('en', { numeric: true });

/**
 * The one order for names, titles and ids wherever people or their work are listed: alphabetical
 * in English collation, so `Ángel` sits with `Ana`, numbers by value (`Goal 2` before `Goal 10`),
 * never by count or by file order. Strings the collation calls equal (`v01`, `v1`) fall back to
 * code units, so no order ever depends on the order of the input.
 */
export function compareText(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Goals and items alphabetical by title; the id breaks ties. The site, its map and `status` share it. */
export function byTitle(a: { id: string; data: { title: string } }, b: { id: string; data: { title: string } }): number {
  return compareText(a.data.title, b.data.title) || compareText(a.id, b.id);
}
