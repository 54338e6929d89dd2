import type { APIRoute } from 'astro';
import { loadSite, urls } from '../../data/site.ts';
import { csvDocument } from '../../lib/csv.ts';
import { accomplishmentRows, accomplishmentsDocument, CSV_COLUMNS } from '../../lib/data-export.ts';

/** One row per item–goal link; docs/data.md describes the columns. */
export const GET: APIRoute = async () => {
  const rows = accomplishmentRows(accomplishmentsDocument(await loadSite(), urls));
  return new Response(csvDocument(CSV_COLUMNS, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
