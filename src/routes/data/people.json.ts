import type { APIRoute } from 'astro';
import { loadSite, urls } from '../../data/site.ts';
import { peopleDocument } from '../../lib/data-export.ts';
import { PeopleDocumentSchema } from '../../schema/data-export.ts';
import { jsonResponse } from '../../lib/json-response.ts';

/** docs/data.md describes the shape. */
export const GET: APIRoute = async () => jsonResponse(PeopleDocumentSchema.parse(peopleDocument(await loadSite(), urls)));
