import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite, urls } from '../data/site.ts';
import { feed } from '../lib/feed.ts';

/** The accomplishments this build shows, newest first, for feed readers. */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const { title, description, items } = feed(site, urls);
  return rss({ title, description, site: site.site.url, items, trailingSlash: true });
};
