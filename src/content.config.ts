import { defineCollection, reference } from 'astro:content';
import { contentLoader, siteLoader } from './loaders/content.ts';
import { accomplishmentSchema, CycleSchema, goalSchema, personSchema, SiteSchema, teamSchema } from './schema/index.ts';

// The schemas are the CLI's, with Astro's `reference()` for ids, so pages get linked entries.
export const collections = {
  site: defineCollection({ loader: siteLoader(), schema: SiteSchema }),
  teams: defineCollection({ loader: contentLoader('teams'), schema: teamSchema(reference) }),
  people: defineCollection({ loader: contentLoader('people'), schema: personSchema(reference) }),
  cycles: defineCollection({ loader: contentLoader('cycles'), schema: CycleSchema }),
  goals: defineCollection({ loader: contentLoader('goals'), schema: goalSchema(reference) }),
  accomplishments: defineCollection({ loader: contentLoader('accomplishments'), schema: accomplishmentSchema(reference) }),
};
