import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import type { z } from 'zod';
import { keysOf, schemaAt, unwrap } from '../src/core/schema-walk.ts';
import { Id, IsoDate, Link, referenceRegistry, schemas, SiteSchema } from '../src/schema/index.ts';

/**
 * docs/content-model.md, generated: field descriptions come from the JSDoc on the schemas (the
 * text editors show on hover), types and defaults from the zod schemas themselves. Nothing is
 * written twice.
 */

interface Section {
  title: string;
  /** The schema variable (and property path) whose object literal holds the JSDoc. */
  owner: string;
  schema: z.ZodType;
}

const element = (schema: z.ZodType, ...path: PropertyKey[]) => schemaAt(schema, undefined, path)!;

const SECTIONS: Section[] = [
  { title: '`content/site.yaml`', owner: 'SiteSchema', schema: SiteSchema },
  { title: '`content/teams/<id>.md`', owner: 'teamSchema', schema: schemas.teams },
  { title: '`content/people/<id>.md`', owner: 'personSchema', schema: schemas.people },
  { title: '`content/cycles/<id>.md`', owner: 'CycleSchema', schema: schemas.cycles },
  { title: '`submissions` (in a cycle)', owner: 'CycleSchema.submissions', schema: element(schemas.cycles, 'submissions') },
  { title: '`content/goals/<id>.md`', owner: 'goalSchema', schema: schemas.goals },
  { title: '`key_results[]` (in a goal)', owner: 'KeyResultSchema', schema: element(schemas.goals, 'key_results', 0) },
  { title: '`content/accomplishments/<cycle>/<slug>.md`', owner: 'accomplishmentSchema', schema: schemas.accomplishments },
  {
    title: '`goals[]` (in an accomplishment)',
    owner: 'goalLink',
    schema: schemaAt(schemas.accomplishments, { goals: [{}] }, ['goals', 0])!,
  },
  { title: '`impact[]` (in an accomplishment)', owner: 'ImpactSchema', schema: element(schemas.accomplishments, 'impact', 0) },
  { title: '`evidence[]` (in an accomplishment)', owner: 'EvidenceSchema', schema: element(schemas.accomplishments, 'evidence', 0) },
];

/** JSDoc of every property of every `z.strictObject({...})`, keyed by owner, then property. */
function readJsDoc(): Map<string, { doc: string; fields: Map<string, string> }> {
  const out = new Map<string, { doc: string; fields: Map<string, string> }>();
  for (const name of ['site', 'team', 'person', 'cycle', 'goal', 'accomplishment']) {
    const path = new URL(`../src/schema/${name}.ts`, import.meta.url);
    const source = ts.createSourceFile(path.pathname, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        node.expression.getText(source).replace(/\s+/g, '') === 'z.strictObject' &&
        node.arguments[0] &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const owner = ownerOf(node, source);
        const fields = new Map<string, string>();
        for (const property of node.arguments[0].properties) {
          if (ts.isPropertyAssignment(property)) fields.set(property.name.getText(source), jsDoc(property));
        }
        out.set(owner.name, { doc: owner.doc, fields });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

function ownerOf(node: ts.Node, source: ts.SourceFile): { name: string; doc: string } {
  const names: string[] = [];
  let doc = '';
  for (let current = node.parent as ts.Node | undefined; current; current = current.parent as ts.Node | undefined) {
    if (ts.isPropertyAssignment(current)) names.unshift(current.name.getText(source));
    if (ts.isVariableStatement(current)) doc = jsDoc(current);
    if (ts.isVariableDeclaration(current)) {
      names.unshift(current.name.getText(source));
    }
  }
  return { name: names.join('.'), doc };
}

function jsDoc(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeType(schema: z.ZodType): string {
  const def = (s: z.ZodType) =>
    (s as unknown as { _zod: { def: { type: string; element?: z.ZodType; entries?: Record<string, string>; options?: z.ZodType[] } } })._zod
      .def;
  const ref = referenceRegistry.get(schema) ?? referenceRegistry.get(unwrap(schema));
  if (ref) return `id of a file in \`content/${ref.collection}/\``;
  const inner = unwrap(schema);
  if (schema === Link || inner === Link) return 'link (`https:`, `http:` or `mailto:`)';
  if (inner === IsoDate) return 'date `YYYY-MM-DD`';
  if (inner === Id) return 'id (lowercase words joined by `-`)';
  const d = def(inner);
  switch (d.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'int':
      return 'whole number';
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of ${Object.values(d.entries ?? {})
        .map((v) => `\`${v}\``)
        .join(', ')}`;
    case 'array':
      return `list of: ${describeType(d.element!)}`;
    case 'object':
      return 'mapping (below)';
    case 'union':
      return (d.options ?? []).map(describeType).join(', or ');
    default:
      return d.type;
  }
}

function requirement(schema: z.ZodType): string {
  const d = (schema as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
  if (d.type === 'optional') return 'optional';
  if (d.type === 'default') return `default \`${JSON.stringify(d.defaultValue)}\``;
  if (d.type === 'pipe') return requirement((schema as unknown as { _zod: { def: { in: z.ZodType } } })._zod.def.in);
  return '**required**';
}

export function contentModelMarkdown(): string {
  const docs = readJsDoc();
  const lines = [
    '# Content model',
    '',
    '<!-- Generated by `npm run docs:content` from the schemas in src/schema/; do not edit by hand. -->',
    '',
    'Everything lives under the top-level `content/`, one entity per file. The path without `.md` is the',
    'id (lowercase words joined by `-`, at most 64 characters per segment). Front matter is YAML between a',
    'first line that is exactly `---` and a closing `---`; the Markdown body follows. Unknown fields are',
    'errors. Dates are `YYYY-MM-DD`. `npm run check` checks all of it: see [rules.md](rules.md).',
    '',
  ];
  for (const section of SECTIONS) {
    const info = docs.get(section.owner);
    if (!info) throw new Error(`no z.strictObject found for ${section.owner}`);
    lines.push(`## ${section.title}`, '');
    if (info.doc && !section.owner.includes('.')) lines.push(info.doc, '');
    lines.push('| Field | Type | | Description |', '| --- | --- | --- | --- |');
    const shape = (unwrap(section.schema) as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape;
    for (const key of keysOf(section.schema) ?? []) {
      const field = shape[key]!;
      const description = info.fields.get(key);
      if (!description) throw new Error(`${section.owner}.${key} has no JSDoc`);
      lines.push(`| \`${key}\` | ${describeType(field)} | ${requirement(field)} | ${description.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.main) {
  writeFileSync(new URL('../docs/content-model.md', import.meta.url), contentModelMarkdown());
}
