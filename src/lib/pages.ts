import { paginate, type Page } from './paginate.ts';

/** Items per page of a list: small enough that a page stays far under 200 KB at any scale. */
export const PAGE_SIZE = 30;

/** Rows per page of a cycle's coverage table, and names shown before "and N more". */
export const COVERAGE_PAGE_SIZE = 200;
export const NAMES_SHOWN = 60;

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
