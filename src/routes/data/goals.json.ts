import type { APIRoute } from 'astro';
import { loadSite, urls } from '../../data/site.ts';
import { goalsDocument } from '../../lib/data-export.ts';
import { GoalsDocumentSchema } from '../../schema/data-export.ts';
import { jsonResponse } from '../../lib/json-response.ts';

/** docs/data.md describes the shape. */
export const GET: APIRoute = async () => jsonResponse(GoalsDocumentSchema.parse(goalsDocument(await loadSite(), urls)));
