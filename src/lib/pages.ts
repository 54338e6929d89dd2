import type { Audience } from '../core/model/audience.ts';
import { paginate, type Page } from './paginate.ts';

/** Items per page of a list: small enough that a page stays far under 200 KB at any scale. */
export const PAGE_SIZE = 30;

/** Rows per page of a cycle's coverage table, and names shown before "and N more". */
export const COVERAGE_PAGE_SIZE = 200;
export const NAMES_SHOWN = 60;

/** Items a goal's page lists per key result before "See all" leads to the goal's own list. */
export const GOAL_ITEMS_SHOWN = 8;
/** Items a cycle's page lists before "All N accomplishments" leads to the cycle's own list. */
export const CYCLE_ITEMS_SHOWN = 10;

/**
 * Which lists get pages of their own. A page is built only where a link leads to it, so the page
 * that links and the route's getStaticPaths ask the same question here: a goal's or a cycle's full
 * list exists only when its page shows part of it, and a cycle's coverage pages only when its page
 * has too many people for the table (and never in a public build).
 */
export const ownPages = {
  goalItems: (count: number): boolean => count > GOAL_ITEMS_SHOWN,
  cycleItems: (count: number): boolean => count > CYCLE_ITEMS_SHOWN,
  coverage: (audience: Audience, count: number): boolean => audience !== 'public' && count > COVERAGE_PAGE_SIZE,
} as const;

/**
 * Static paths for a paginated list under a rest parameter: page 1 at the list's own address,
 * page n at `<list>/n/` (or `<list>/<folder>/n/` where ids share the list's address). Each page's props carry the page, the list's length and `props`.
 */
export function pagePaths<T, P extends Record<string, string>, X extends object = object>(
  list: readonly T[],
  { params, props, size = PAGE_SIZE, folder }: { params: P; props?: X; size?: number; folder?: string },
) {
  return paginate(list, size).map((page) => ({
    params: { ...params, page: page.number === 1 ? undefined : folder ? `${folder}/${page.number}` : String(page.number) },
    props: { ...(props as X), page, count: list.length },
  }));
}

export type { Page };
