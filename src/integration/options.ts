import { z } from 'zod';

/** The components a team may replace with its own (`components` option), by file name. */
export const COMPONENTS = [
  'Avatar',
  'CoverageTable',
  'CycleMap',
  'GoalMap',
  'GoalMoves',
  'GoalPath',
  'GoalTree',
  'ItemCard',
  'ItemList',
  'ItemListPage',
  'KeyResult',
  'KeyResultHistory',
  'NotShown',
  'OutcomeBadge',
  'OutcomeMix',
  'Pagination',
  'PersonLink',
  'ProgressBar',
  'Scorecard',
  'SearchForm',
  'StatusBadge',
] as const;

/** A file of the team's: a path from the project root (`./src/styles/team.css`), or a package's. */
const projectFile = z.string().min(1);

/** `throughline(options)` in a team's astro.config.mjs. */
export const OptionsSchema = z.strictObject({
  /** Stylesheets loaded after Throughline's own, so their rules win (colours, fonts, spacing). */
  customCss: z.array(projectFile).default([]),
  /** Components drawn by the team's own `.astro` file instead, with the same props. */
  components: z.partialRecord(z.enum(COMPONENTS), projectFile).default({}),
  /** Draw a social card (`og:image`) for every page. Default `true`. */
  cards: z.boolean().default(true),
  /** Index the site with Pagefind, with a search box on every page and the `/search/` page. Default `true`. */
  search: z.boolean().default(true),
  /** BCP 47 language tag for dates and numbers, e.g. `en-GB`, `de`, `fr-CA`. */
  locale: z
    .string()
    .default('en')
    .refine((tag) => isLocale(tag), { error: 'expected a BCP 47 language tag such as `en`, `en-GB` or `de`' }),
});

export type ThroughlineOptions = z.input<typeof OptionsSchema>;
export type ResolvedOptions = z.output<typeof OptionsSchema>;

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
