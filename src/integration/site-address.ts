import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../core/read/read-entry.ts';
import { SITE_FILE } from '../core/read/paths.ts';
import { SiteSchema } from '../schema/index.ts';

/** Where a site with no valid `url` is built, so `astro dev` still starts. */
export const PLACEHOLDER_URL = 'https://example.github.io/';

/**
 * The canonical address from `content/site.yaml`, read with the check's own parser: its origin is
 * Astro's `site`, its path the `base` every link is built on (GitHub Pages serves a project site
 * under /<repo>/). Anything missing or invalid gives the placeholder: the site loader then logs the
 * check's own diagnostic for the file, instead of Astro failing on `new URL()` with a stack trace.
 */
export function siteAddress(root: string): URL {
  let text: string;
  try {
    text = readFileSync(join(root, SITE_FILE), 'utf8');
  } catch {
    return new URL(PLACEHOLDER_URL);
  }
  const yaml = readYaml(text);
  const value = yaml.ok && typeof yaml.value === 'object' && yaml.value !== null ? (yaml.value as { url?: unknown }).url : undefined;
  const url = SiteSchema.shape.url.safeParse(value);
  if (!url.success) return new URL(PLACEHOLDER_URL);
  const address = new URL(url.data);
  if (address.protocol !== 'https:' && address.protocol !== 'http:') return new URL(PLACEHOLDER_URL);
  // Every page address ends in a slash (trailingSlash: 'always'); so does the base.
  if (!address.pathname.endsWith('/')) address.pathname += '/';
  return address;
}
