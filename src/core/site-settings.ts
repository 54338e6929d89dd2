import type { Audience } from './model/audience.ts';

/**
 * What the Astro integration hands to the pages and the loader for one build, through the module
 * `virtual:throughline/settings`: the build's own choices, never read from the environment.
 */
export interface SiteSettings {
  /** The audience `throughline build --audience` chose; undefined means site.yaml's. */
  audience: Audience | undefined;
  /** The day the build counts as today (`YYYY-MM-DD`). */
  today: string;
  /**
   * The path every address starts with (`/impact/`), from site.yaml's `url`. Not Astro's
   * `import.meta.env.BASE_URL`: a BASE_URL variable in the shell that runs the build replaces that.
   */
  base: string;
  /** BCP 47 tag for dates and numbers. */
  locale: string;
  /** Address of the site's icon: the team's `public/favicon.svg`, or Throughline's own. */
  favicon: string | undefined;
  /** Whether pages name a social card (the integration's `cards` option). */
  cards: boolean;
  /** Whether pages carry the search box (the integration's `search` option). */
  search: boolean;
  /** Whether the build has the `/write/` page: team and private builds, public ones when site.yaml asks. */
  write: boolean;
}
