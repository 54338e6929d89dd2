export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
}

/** Splits a list into pages of `size`; an empty list still has one (empty) first page. */
export function paginate<T>(list: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: total }, (_, i) => ({ number: i + 1, total, items: list.slice(i * size, (i + 1) * size) }));
}
