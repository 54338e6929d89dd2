import type { Audience } from '../core/model/audience.ts';

/**
 * robots.txt: a public build invites crawlers and names its sitemap; a team or private build asks
 * every crawler to stay out, as each of its pages does with `noindex`.
 */
export function robotsTxt(audience: Audience, sitemap: string): string {
  return audience === 'public' ? `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n` : 'User-agent: *\nDisallow: /\n';
}
