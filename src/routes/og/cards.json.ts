import type { APIRoute } from 'astro';
import { cards, loadSite } from '../../data/site.ts';

/**
 * The build's cards, for the integration to render once every page is written: it reads this file
 * and deletes it (src/og/build.ts). `astro dev` serves the list but no pictures: cards exist only
 * in a build.
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(JSON.stringify(cards(site).all()), { headers: { 'content-type': 'application/json' } });
};
