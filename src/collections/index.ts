import { defineCollection } from 'astro/content/config';
import { contentLoader, siteLoader } from '../loaders/content.ts';
import { historyLoader } from '../loaders/history.ts';
import { HistoryEntrySchema } from '../schema/history.ts';
import { schemas, SiteSchema } from '../schema/index.ts';

/**
 * The collections for a team's `src/content.config.ts`: `export { collections } from
 * 'throughline/content';`. The CLI's schemas, ids and all: the check has already proven every
 * reference, and one type for check, data layer and pages means nothing is converted on the way.
 */
export const collections = {
  site: defineCollection({ loader: siteLoader(), schema: SiteSchema }),
  teams: defineCollection({ loader: contentLoader('teams'), schema: schemas.teams }),
  people: defineCollection({ loader: contentLoader('people'), schema: schemas.people }),
  cycles: defineCollection({ loader: contentLoader('cycles'), schema: schemas.cycles }),
  goals: defineCollection({ loader: contentLoader('goals'), schema: schemas.goals }),
  accomplishments: defineCollection({ loader: contentLoader('accomplishments'), schema: schemas.accomplishments }),
  // What git knows of the goals' and accomplishments' past (src/loaders/history.ts).
  history: defineCollection({ loader: historyLoader(), schema: HistoryEntrySchema }),
};
