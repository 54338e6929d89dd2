import { z } from 'zod';
import { Link, paragraph, text } from './common.ts';

/** `content/site.yaml`: settings for the whole site. */
export const SiteSchema = z.strictObject({
  /** The site's name, shown in the header and the browser tab. */
  title: text(100),
  /** One or two sentences under the title and in link previews. */
  description: paragraph(300),
  /** Canonical address where the site is published, e.g. `https://acme.github.io/impact`. */
  url: Link,
  /** The Git repository holding this content; used for "propose an edit" and "submit" links. */
  repo: Link,
  /** The branch that edit links point at. */
  branch: z.string().min(1).max(100).default('main'),
  /** Default audience of a build: `public` or `team`. `private` builds are only ever asked for explicitly. */
  audience: z.enum(['public', 'team']),
  /** Body headings every accomplishment must have. */
  sections: z.array(text(80)).max(10).default(['Impact']),
});
export type Site = z.infer<typeof SiteSchema>;
