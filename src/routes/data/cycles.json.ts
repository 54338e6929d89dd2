import type { APIRoute } from 'astro';
import { loadSite, urls } from '../../data/site.ts';
import { cyclesDocument } from '../../lib/data-export.ts';
import { CyclesDocumentSchema } from '../../schema/data-export.ts';
import { jsonResponse } from '../../lib/json-response.ts';

/** docs/data.md describes the shape. */
export const GET: APIRoute = async () => jsonResponse(CyclesDocumentSchema.parse(cyclesDocument(await loadSite(), urls)));
