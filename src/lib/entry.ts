/** One content entry: its id (the path under its collection, without extension) and its data. */
export interface Entry<T> {
  id: string;
  data: T;
}

/** An entry with its Markdown body rendered to safe HTML (empty when it has no body). */
export interface Doc<T> extends Entry<T> {
  html: string;
}
