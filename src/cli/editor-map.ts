import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonText, type JsonSchema, type SchemaName } from '../core/json-schema.ts';
import { classify } from '../core/read/paths.ts';
import { COLLECTIONS, type CollectionName } from '../schema/index.ts';
import { UsageError } from '../core/diagnostics/errors.ts';
import { listContentTree } from '../node/fs.ts';

/**
 * Where the Astro VS Code extension looks for front matter schemas: `collections.json` maps each
 * Markdown file to a name, and `<name>.schema.json` beside it is that name's schema. Astro's own
 * `astro sync` writes `<collection>.schema.json` there (without descriptions) on every run, so our
 * names carry a prefix that nothing else writes; it writes `collections.json` only with
 * `experimental.contentIntellisense`, which this project leaves off.
 */
export const EDITOR_DIR = '.astro/collections';
const EDITOR_PREFIX = 'throughline-';

/** A content file as the editor map lists it. */
export interface MappedFile {
  path: string;
  collection: CollectionName;
  id: string;
  valid: boolean;
}

/** Every Markdown file of a collection, from its path alone: invalid files still get their schema. */
export function contentEntries(root: string): MappedFile[] {
  const out: MappedFile[] = [];
  for (const file of listContentTree(root)) {
    const kind = classify(file.path);
    if (kind.kind === 'entry') out.push({ path: file.path, collection: kind.collection, id: kind.id, valid: kind.problems.length === 0 });
  }
  return out;
}

export function idsOf(entries: readonly MappedFile[]): Record<CollectionName, string[]> {
  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as string[]])) as Record<CollectionName, string[]>;
  // A file name that is not a valid id would only be offered to be flagged.
  for (const entry of entries) if (entry.valid) ids[entry.collection].push(entry.id);
  return ids;
}

export function editorFiles(root: string, documents: Record<SchemaName, JsonSchema>, entries: readonly MappedFile[]): Map<string, string> {
  const dir = join(root, EDITOR_DIR);
  const files = new Map<string, string>();
  files.set(join(dir, 'collections.json'), editorMap(root, entries));
  for (const name of COLLECTIONS) files.set(join(dir, `${EDITOR_PREFIX}${name}.schema.json`), jsonText(documents[name]));
  return files;
}

/**
 * The Astro language server's map from file URL to schema name, keyed the way it looks files up:
 * the decoded, lowercased URL (Astro writes lowercased, still-encoded URLs; both are kept so the
 * map works with extension versions from either side of that change).
 */
function editorMap(root: string, entries: readonly MappedFile[]): string {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const href = pathToFileURL(join(root, entry.path)).href;
    for (const key of [href.toLowerCase(), decodeURIComponent(href).toLowerCase()]) map[key] = `${EDITOR_PREFIX}${entry.collection}`;
  }
  const sorted = Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const collections = COLLECTIONS.map((name) => ({ hasSchema: true, name: `${EDITOR_PREFIX}${name}` }));
  return jsonText({ collections, entries: sorted });
}

/**
 * Adds files written since the last `throughline schema` to the editor's map, so a file `new`
 * just wrote gets completion at once. Only where the editor set-up has been run; cheap, since
 * the schemas themselves do not change. Returns whether the map was rewritten.
 */
export function refreshEditorMap(root: string): boolean {
  const file = join(root, EDITOR_DIR, 'collections.json');
  if (!existsSync(file)) return false;
  writeAtomically(file, editorMap(root, contentEntries(root)));
  return true;
}

/** Editors watch these files: a reader sees the old file or the new one, never half of one. */
export function writeAtomically(path: string, text: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the folder \`${dir}\`: ${(error as Error).message}`);
  }
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`cannot write \`${path}\`: ${(error as Error).message}`);
  }
}
