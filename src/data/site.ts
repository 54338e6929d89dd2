import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { AstroError } from 'astro/errors';
import settings from 'virtual:throughline/settings';
import { siteCards, type SiteCards } from '../lib/cards.ts';
import type { Doc } from '../lib/entry.ts';
import { formatting } from '../lib/format.ts';
import { siteHistory, type SiteHistory } from '../lib/history.ts';
import { siteModel, type SiteModel } from '../lib/site-model.ts';
import { siteUrls } from '../lib/urls.ts';

/**
 * The one bridge from Astro's collections to the data layer. The integration hands over the
 * build's settings: `throughline build --audience` chooses the audience, `astro dev` falls back to
 * site.yaml's.
 */
let model: Promise<SiteModel> | undefined;

export function loadSite(): Promise<SiteModel> {
  model ??= build();
  return model;
}

export const urls = siteUrls(settings.base);

/** What the integration's options and the audience turned on: social cards, search, the write page. */
export const features = { cards: settings.cards, search: settings.search, write: settings.write };

let history: Promise<SiteHistory> | undefined;

/** What git knows of the shown goals' and items' past, or that it knows nothing (a shallow clone). */
export function loadHistory(): Promise<SiteHistory> {
  history ??= Promise.all([getCollection('history'), loadSite()]).then(([entries, site]) => siteHistory(entries, site));
  return history;
}

/** Dates and numbers as the integration's `locale` option writes them; every page uses this one. */
export const format = formatting(settings.locale);

/** The social cards of the build's pages, from its audience-filtered model. */
export function cards(site: SiteModel): SiteCards {
  return siteCards(site, format);
}

async function build(): Promise<SiteModel> {
  const [sites, teams, people, cycles, goals, accomplishments] = await Promise.all([
    getCollection('site'),
    docs('teams'),
    docs('people'),
    docs('cycles'),
    docs('goals'),
    docs('accomplishments'),
  ]);
  const site = sites[0]?.data;
  // A user error with a hint, not a defect's stack trace: the loader has already logged the
  // check's own diagnostics for the file in the terminal.
  if (!site)
    throw new AstroError(
      'content/site.yaml is missing or invalid, so no page can be drawn',
      'The terminal running the site shows what is wrong with it, file, line and column; `npm run check` lists every problem.',
    );
  return siteModel({ site, teams, people, cycles, goals, accomplishments }, settings.audience ?? site.audience, settings.today);
}

async function docs<C extends Exclude<CollectionKey, 'site'>>(collection: C): Promise<Doc<CollectionEntry<C>['data']>[]> {
  const entries = await getCollection(collection);
  return entries.map((entry) => ({ id: entry.id, data: entry.data, html: entry.rendered?.html ?? '' }));
}
