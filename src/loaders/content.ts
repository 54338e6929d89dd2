import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import settings from 'virtual:throughline/settings';
import { classify, SITE_FILE } from '../core/read/paths.ts';
import type { Content } from '../core/read/content.ts';
import { loadContent } from '../core/read/load.ts';
import { readYaml } from '../core/read/read-entry.ts';
import type { SourceFile } from '../core/read/source-file.ts';
import { visible } from '../core/text/text-checks.ts';
import { location } from '../core/diagnostics/diagnostics.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import type { CollectionName } from '../schema/index.ts';
import { listContentTree, readContentFile } from '../node/fs.ts';

/**
 * Loads one collection from the top-level `content/` with the parser `throughline check` uses.
 * Astro's own `glob()` loader reads front matter with js-yaml's default schema, which turns dates
 * into Date objects and accepts merge keys; one parser for check and site means a file that
 * passes the check is the file the site shows. Invalid files are skipped with a warning: the
 * build runs the check first and never gets here with errors.
 */
export function contentLoader(collection: CollectionName): Loader {
  return {
    name: `throughline-${collection}`,
    load: async (context) => {
      await loadCollection(collection, context);
      context.watcher?.on('all', (_event, path) => {
        if (relative(fileURLToPath(context.config.root), path).startsWith(`content/${collection}/`))
          void loadCollection(collection, context);
      });
    },
  };
}

async function loadCollection(collection: CollectionName, context: LoaderContext): Promise<void> {
  const { store, logger } = context;
  const root = fileURLToPath(context.config.root);
  const entries: DataEntry[] = [];
  // Each collection reads only its own files; listing the tree reads nothing. The personal folder
  // is read for a private build alone: public and team builds never open a file in it.
  const personal = settings.audience === 'private';
  for (const listed of listContentTree(root, { personal })) {
    const kind = classify(listed.path);
    if (kind.kind !== 'entry' || kind.collection !== collection) continue;
    const file = readContentFile(root, listed);
    const entry = loadChecked(file, logger)?.entries[collection].get(kind.id);
    if (entry?.data === undefined) continue;
    const data = await context.parseData({ id: kind.id, data: entry.raw as Record<string, unknown>, filePath: file.path });
    entries.push({
      id: kind.id,
      data,
      body: entry.doc.body,
      filePath: file.path,
      digest: context.generateDigest(entry.doc.text),
      // Our renderer, not Astro's: bodies come from pull requests, so raw HTML is sanitized here.
      rendered: { html: renderMarkdown(entry.doc.body).html },
    });
  }
  replaceEntries(store, entries);
}

const NONE = '\0none';

type DataEntry = Parameters<DataStore['set']>[0];

/**
 * The collection becomes exactly `entries`. One that ends up with none still exists, empty: Astro
 * tells an empty collection from a missing one only by whether an entry was ever stored, and warns
 * that it "does not exist or is empty" about a valid tree with no accomplishments yet.
 */
function replaceEntries(store: DataStore, entries: readonly DataEntry[]): void {
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const entry of entries) store.set(entry);
  if (entries.length === 0) {
    store.set({ id: NONE, data: {} });
    store.delete(NONE);
  }
}

/**
 * One file loaded exactly as the check loads it. A file with errors is skipped, and its own
 * problems are logged the way the check prints them: `npm run dev` keeps every other entry, and
 * says what is wrong where, instead of emptying the collection with a schema error from Astro.
 */
function loadChecked(file: SourceFile, logger: LoaderContext['logger']): Content | undefined {
  const { content, diagnostics } = loadContent([file]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return content;
  for (const d of errors) logger.warn(`${location(d)} ${d.rule} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`);
  logger.warn(`skipped ${visible(file.path)}; \`npm run check\` shows every problem`);
  return undefined;
}

/** `content/site.yaml` as a collection of one entry, `site`. */
export function siteLoader(): Loader {
  return {
    name: 'throughline-site',
    load: async (context) => {
      const { store, logger } = context;
      const root = fileURLToPath(context.config.root);
      const listed = listContentTree(root).find((f) => f.path === SITE_FILE);
      if (listed === undefined) {
        logger.warn(`no ${SITE_FILE}: \`npm run check\` says what it needs`);
        replaceEntries(store, []);
        return;
      }
      const file = readContentFile(root, listed);
      const site = loadChecked(file, logger)?.site;
      const yaml = site?.data === undefined ? undefined : readYaml(site.doc.text);
      if (site === undefined || yaml?.ok !== true) {
        replaceEntries(store, []);
        return;
      }
      const data = await context.parseData({ id: 'site', data: yaml.value as Record<string, unknown>, filePath: SITE_FILE });
      replaceEntries(store, [{ id: 'site', data, filePath: SITE_FILE, digest: context.generateDigest(site.doc.text) }]);
    },
  };
}
