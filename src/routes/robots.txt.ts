import type { APIRoute } from 'astro';
import { loadSite, urls } from '../data/site.ts';
import { robotsTxt } from '../lib/robots.ts';

/** Search engines index the public build alone; its pages say the same with `noindex` elsewhere. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  return new Response(robotsTxt(site.audience, new URL(urls.sitemap(), site.site.url).href), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
