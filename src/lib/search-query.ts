import { FACETS, type Facet } from './search-facets.ts';

/** Pagefind's filter shape: a page matches when it has any of the values, in every facet given. */
export type SearchFilters = Partial<Record<Facet, { any: string[] }>>;

/** What the search page's address asks for: `?q=…&outcome=Learning&tag=ci`. */
export interface SearchRequest {
  query: string;
  filters: SearchFilters;
}

export function searchRequest(params: URLSearchParams): SearchRequest {
  const filters: SearchFilters = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet).filter((value) => value !== '');
    if (values.length > 0) filters[facet] = { any: [...new Set(values)] };
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** Whether there is anything to search for: words, or at least one filter. */
export function isEmpty(request: SearchRequest): boolean {
  return request.query === '' && Object.keys(request.filters).length === 0;
}

/** One stretch of an excerpt: `marked` where it matched the words searched for. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Pagefind's excerpt as plain text stretches, so the page draws it with text nodes and `<mark>`
 * elements and never parses HTML. Pagefind wraps matches in `<mark>` and escapes only `<` and `>`
 * of the page's text.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [i, chunk] of excerpt.split(/<\/?mark>/).entries()) {
    const text = chunk.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    if (text !== '') parts.push({ text, marked: i % 2 === 1 });
  }
  return parts;
}

/** The status line a screen reader announces after each search. */
export function resultSummary(count: number, request: SearchRequest): string {
  const found = count === 0 ? 'No results' : count === 1 ? '1 result' : `${String(count)} results`;
  const filtered = Object.keys(request.filters).length > 0 ? ' with the filters chosen' : '';
  return request.query === '' ? `${found}${filtered}.` : `${found} for “${request.query}”${filtered}.`;
}
