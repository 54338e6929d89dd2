import { z } from 'zod';

/** Every card's size in pixels: what chat apps and social sites expect of a large preview. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The badge colours a card can carry: the site's outcome and goal-status colours. */
export const CARD_TONES = ['delivered', 'partial', 'missed', 'learning', 'on-track', 'at-risk', 'off-track', 'done', 'dropped'] as const;

/**
 * One social card, exactly as it is drawn: the site's pages build these from the audience-filtered
 * site model (src/lib/cards.ts), the integration renders them (src/og/). Every text here is
 * something the page itself shows to the build's audience, and nothing else reaches the picture.
 */
export const CardSpecSchema = z.strictObject({
  /** Where the PNG goes under the site's `og/` folder: `items/2026-h2/foo.png`. Ids are kebab-case. */
  file: z.string().regex(/^([a-z0-9][a-z0-9-]*\/)*[a-z0-9][a-z0-9-]*\.png$/),
  /** What kind of page: `Accomplishment · 2026 H1`. */
  kicker: z.string(),
  title: z.string(),
  badge: z.strictObject({ label: z.string(), tone: z.enum(CARD_TONES) }).optional(),
  /** Up to three short lines under the title: authors, the goal it moves, an owner. */
  lines: z.array(z.string()).max(3),
  /** The site's title, in the card's footer. */
  site: z.string(),
});

export type CardSpec = z.infer<typeof CardSpecSchema>;

/** The part of a card that is drawn: the cache key covers this and nothing else. */
export function drawnPart(spec: CardSpec): Omit<CardSpec, 'file'> {
  return { kicker: spec.kicker, title: spec.title, ...(spec.badge && { badge: spec.badge }), lines: spec.lines, site: spec.site };
}
