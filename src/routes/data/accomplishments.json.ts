import type { APIRoute } from 'astro';
import { loadSite, urls } from '../../data/site.ts';
import { accomplishmentsDocument } from '../../lib/data-export.ts';
import { AccomplishmentsDocumentSchema } from '../../schema/data-export.ts';
import { jsonResponse } from '../../lib/json-response.ts';

/** docs/data.md describes the shape. */
export const GET: APIRoute = async () => jsonResponse(AccomplishmentsDocumentSchema.parse(accomplishmentsDocument(await loadSite(), urls)));
