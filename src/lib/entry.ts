import type { Entry } from '../core/read/content.ts';

// Defined once in core, where the goal tree takes it too; the site's modules import it from here.
export type { Entry };

/** An entry with its Markdown body rendered to safe HTML (empty when it has no body). */
export interface Doc<T> extends Entry<T> {
  html: string;
}
