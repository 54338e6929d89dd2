import type { Accomplishment } from '../schema/index.ts';
import { compareText } from '../core/text/compare-text.ts';
import type { Entry } from './entry.ts';

type Linked = Entry<Pick<Accomplishment, 'builds_on' | 'date' | 'title'>>;

/** Which earlier work an item grew out of, and which later work grew out of it. */
export interface Lineage<I> {
  /** The items it names in `builds_on`, in its own order. */
  buildsOn: (item: I) => I[];
  /** The items that name it in `builds_on`, oldest first. */
  ledTo: (item: I) => I[];
}

/**
 * Links among `items`, which are the ones the build shows: an id that names anything else (an item
 * the audience may not see, a draft) links nowhere, so neither side of the page names it.
 */
export function lineage<I extends Linked>(items: readonly I[]): Lineage<I> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const later = new Map<string, I[]>();
  for (const item of items) {
    for (const id of new Set(item.data.builds_on)) {
      if (id === item.id || !byId.has(id)) continue;
      const list = later.get(id);
      if (list) list.push(item);
      else later.set(id, [item]);
    }
  }
  for (const list of later.values())
    list.sort((a, b) => compareText(a.data.date, b.data.date) || compareText(a.data.title, b.data.title) || compareText(a.id, b.id));
  return {
    buildsOn: (item) => [...new Set(item.data.builds_on)].flatMap((id) => (id === item.id ? [] : (byId.get(id) ?? []))),
    ledTo: (item) => later.get(item.id) ?? [],
  };
}
