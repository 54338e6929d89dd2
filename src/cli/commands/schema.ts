import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { frontMatterSchemas, jsonText, SCHEMA_NAMES } from '../../core/json-schema.ts';
import { CONTENT_DIR } from '../../core/read/paths.ts';
import { defineCommand } from '../command.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { contentEntries, EDITOR_DIR, editorFiles, idsOf, writeAtomically } from '../editor-map.ts';

/** Git ignores it; the schemas hold this checkout's ids, so each clone writes its own. */
export const DEFAULT_OUT = '.throughline/schema';

/**
 * `throughline schema`: JSON Schema for the front matter of every collection and for
 * `content/site.yaml`, with the JSDoc of each field as its description and the ids in `content/`
 * offered for every reference. See docs/editor.md for the editor side.
 */
export const command = defineCommand({
  name: 'schema',
  summary: 'Write JSON Schema for front matter: completion, hover docs and checks as you type',
  options: {
    'out-dir': {
      type: 'string',
      value: 'DIR',
      description: `Where the schema files go (default: ${DEFAULT_OUT})`,
      doc: `Where the schema files go, relative to \`--root\`. Default: \`${DEFAULT_OUT}\`. A file, or a folder inside \`content/\`, is a usage error.`,
    },
    editor: {
      type: 'boolean',
      default: true,
      description: `Do not write the map of Markdown files for the Astro VS Code extension (${EDITOR_DIR}/)`,
      doc: `Do not write the map for the Astro extension (\`${EDITOR_DIR}/\`); for publishing the schemas elsewhere.`,
    },
  },
  async run(values, ctx) {
    const outDir = outFolder(ctx.root, values['out-dir']);
    const entries = contentEntries(ctx.root);
    const ids = idsOf(entries);
    // Loads TypeScript (to read the JSDoc), which no other command needs.
    const { schemaDocs } = await import('../schema-docs.ts');
    const documents = frontMatterSchemas({ docs: schemaDocs(), ids });
    const files = new Map<string, string>();
    for (const name of SCHEMA_NAMES) files.set(join(outDir, `${name}.schema.json`), jsonText(documents[name]));
    if (values.editor) {
      for (const [path, text] of editorFiles(ctx.root, documents, entries)) files.set(path, text);
    }
    const written = [...files].map(([path, text]) => {
      writeAtomically(path, text);
      return shown(ctx.root, path);
    });
    written.sort();
    ctx.stdout.write(
      `Wrote JSON Schema for front matter (editor set-up: docs/editor.md):\n${written.map((path) => `  ${path}\n`).join('')}`,
    );
    return 0;
  },
});

function outFolder(root: string, value: unknown): string {
  const hint = `pass a folder for the schema files, e.g. --out-dir ${DEFAULT_OUT}`;
  if (value === '') throw new UsageError(`--out-dir is empty; ${hint}`);
  const given = typeof value === 'string' ? value : DEFAULT_OUT;
  const outDir = resolve(root, given);
  let isFile = false;
  try {
    isFile = !statSync(outDir).isDirectory();
  } catch {
    // Not there yet: it is created.
  }
  if (isFile) throw new UsageError(`--out-dir \`${given}\` is a file; ${hint}`);
  const content = resolve(root, CONTENT_DIR);
  if (outDir === content || outDir.startsWith(`${content}${sep}`)) {
    throw new UsageError(`--out-dir \`${given}\` is inside ${CONTENT_DIR}/, where every file must be content; ${hint}`);
  }
  return outDir;
}

function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}
