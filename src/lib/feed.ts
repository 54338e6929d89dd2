import type { SiteModel } from './site-model.ts';
import type { SiteUrls } from './urls.ts';

/** One entry of the accomplishments feed, in the shape `@astrojs/rss` takes. */
export interface FeedEntry {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

/**
 * The feed of accomplishments this build shows, newest first, as the site model orders them.
 * Titles and summaries only: they are plain text the RSS writer escapes, whereas a body is HTML
 * that only the site's own renderer may make safe, and a reader follows the link for it.
 */
export function feed(site: SiteModel, urls: SiteUrls): { title: string; description: string; items: FeedEntry[] } {
  return {
    title: site.site.title,
    description: site.site.description,
    items: site.items.map((item) => ({
      title: item.data.title,
      link: new URL(urls.item(item.id), site.site.url).href,
      pubDate: new Date(`${item.data.date}T00:00:00Z`),
      description: item.data.summary,
    })),
  };
}
