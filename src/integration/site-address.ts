import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../core/read/read-entry.ts';
import { SITE_FILE } from '../core/read/paths.ts';
import { SiteSchema } from '../schema/index.ts';
import type { Audience } from '../core/model/audience.ts';

/** Where a site with no valid `url` is built, so `astro dev` still starts. */
export const PLACEHOLDER_URL = 'https://example.github.io/';

/**
 * The canonical address from `content/site.yaml`, read with the check's own parser: its origin is
 * Astro's `site`, its path the `base` every link is built on (GitHub Pages serves a project site
 * under /<repo>/). Anything missing or invalid gives the placeholder: the site loader then logs the
 * check's own diagnostic for the file, instead of Astro failing on `new URL()` with a stack trace.
 */
export function siteAddress(root: string): URL {
  const url = SiteSchema.shape.url.safeParse(siteField(root, 'url'));
  if (!url.success) return new URL(PLACEHOLDER_URL);
  const address = new URL(url.data);
  if (address.protocol !== 'https:' && address.protocol !== 'http:') return new URL(PLACEHOLDER_URL);
  // Every page address ends in a slash (trailingSlash: 'always'); so does the base.
  if (!address.pathname.endsWith('/')) address.pathname += '/';
  return address;
}

/**
 * The audience of a build that `throughline build --audience` did not choose: site.yaml's. Anything
 * missing or invalid counts as `team`, never `public`: the loader reports the file, and nothing is
 * offered to search engines meanwhile.
 */
export function siteAudience(root: string): Audience {
  const audience = SiteSchema.shape.audience.safeParse(siteField(root, 'audience'));
  return audience.success ? audience.data : 'team';
}

/** Whether site.yaml asks for the `/write/` page in public builds; anything but `true` says no. */
export function publicWritePage(root: string): boolean {
  return siteField(root, 'public_write_page') === true;
}

/** One top-level field of content/site.yaml as written, or undefined when the file cannot be read. */
function siteField(root: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(join(root, SITE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const yaml = readYaml(text);
  return yaml.ok && typeof yaml.value === 'object' && yaml.value !== null ? (yaml.value as Record<string, unknown>)[key] : undefined;
}
