import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { classify, SITE_FILE } from '../core/paths.ts';
import { readEntry, readYaml } from '../core/read-entry.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import type { CollectionName } from '../schema/index.ts';
import { listContentTree, readContentFile } from '../cli/fs.ts';

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
  store.clear();
  // Each collection reads only its own files; listing the tree reads nothing. The personal folder
  // is read for a private build alone: public and team builds never open a file in it.
  const personal = process.env['THROUGHLINE_AUDIENCE'] === 'private';
  for (const listed of listContentTree(root, { personal })) {
    const kind = classify(listed.path);
    if (kind.kind !== 'entry' || kind.collection !== collection) continue;
    const file = readContentFile(root, listed);
    const text = 'text' in file ? file.text : undefined;
    const entry = text === undefined ? undefined : readEntry(text);
    if (text === undefined || !entry?.ok) {
      logger.warn(`skipped ${file.path}: run \`npm run check\` to see why`);
      continue;
    }
    const data = await context.parseData({ id: kind.id, data: entry.data as Record<string, unknown>, filePath: file.path });
    store.set({
      id: kind.id,
      data,
      body: entry.body,
      filePath: file.path,
      digest: context.generateDigest(text),
      // Our renderer, not Astro's: bodies come from pull requests, so raw HTML is sanitized here.
      rendered: { html: renderMarkdown(entry.body).html },
    });
  }
}

/** `content/site.yaml` as a collection of one entry, `site`. */
export function siteLoader(): Loader {
  return {
    name: 'throughline-site',
    load: async (context) => {
      const { store, logger } = context;
      const root = fileURLToPath(context.config.root);
      const listed = listContentTree(root).find((f) => f.path === SITE_FILE);
      const file = listed && readContentFile(root, listed);
      const text = file && 'text' in file ? file.text : undefined;
      const yaml = text === undefined ? undefined : readYaml(text);
      store.clear();
      if (text === undefined || !yaml?.ok) {
        logger.warn(`cannot read ${SITE_FILE}: run \`npm run check\` to see why`);
        return;
      }
      const data = await context.parseData({ id: 'site', data: yaml.value as Record<string, unknown>, filePath: SITE_FILE });
      store.set({ id: 'site', data, filePath: SITE_FILE, digest: context.generateDigest(text) });
    },
  };
}
