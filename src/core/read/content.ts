import type { Accomplishment, CollectionName, Cycle, Goal, Person, Site, Team } from '../../schema/index.ts';
import type { SourceDoc } from './source.ts';

export interface DataOf {
  teams: Team;
  people: Person;
  cycles: Cycle;
  goals: Goal;
  accomplishments: Accomplishment;
}

/**
 * Anything with an id and its data: the check's valid entries, the site's documents. The goal
 * tree, the map and the site model take this, so they serve both.
 */
export interface Entry<T> {
  /** The path under its collection, without extension. */
  id: string;
  data: T;
}

/** A content file that is an entity, as loaded for the check: its id comes from its path. */
export interface ContentEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  doc: SourceDoc;
  /** The parsed front matter before validation; `undefined` when the YAML itself is broken. */
  raw: unknown;
  /** The validated data; `undefined` when the file has schema errors. */
  data: DataOf[C] | undefined;
}

/** An entry whose front matter passed the schema. */
export type ValidEntry<C extends CollectionName = CollectionName> = ContentEntry<C> & { data: DataOf[C] };

export interface Content {
  site: { doc: SourceDoc; data: Site | undefined } | undefined;
  entries: { [C in CollectionName]: Map<string, ContentEntry<C>> };
}

export function emptyContent(): Content {
  return {
    site: undefined,
    entries: { teams: new Map(), people: new Map(), cycles: new Map(), goals: new Map(), accomplishments: new Map() },
  };
}

export function valid<C extends CollectionName>(content: Content, collection: C): ValidEntry<C>[] {
  const out: ValidEntry<C>[] = [];
  for (const entry of content.entries[collection].values()) if (entry.data !== undefined) out.push(entry as ValidEntry<C>);
  return out;
}

/** Every entry of every collection, valid or not: each has a body the site may render. */
export function* allEntries(content: Content): Generator<ContentEntry> {
  for (const collection of Object.values(content.entries)) yield* collection.values();
}
