import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import type { z } from 'zod';
import type { ObjectDocs } from '../core/json-schema.ts';
import { schemaAt } from '../core/diagnostics/schema-walk.ts';
import { schemas, SiteSchema } from '../schema/index.ts';

/**
 * The JSDoc on the zod schemas, read from their source with the TypeScript API: the text editors
 * show on hover is the text docs/content-model.md and `throughline schema` carry, written once.
 * TypeScript takes a while to load, so only the schema command and `npm run docs:content` import
 * this module.
 */

const element = (schema: z.ZodType, ...path: PropertyKey[]) => schemaAt(schema, undefined, path)!;

/**
 * Every documented `z.strictObject`, by the name of what holds its object literal (the variable,
 * and the property for one written inline), in the order docs/content-model.md lists them.
 */
export const DOCUMENTED_OBJECTS: readonly { owner: string; schema: z.ZodType }[] = [
  { owner: 'SiteSchema', schema: SiteSchema },
  { owner: 'teamSchema', schema: schemas.teams },
  { owner: 'personSchema', schema: schemas.people },
  { owner: 'CycleSchema', schema: schemas.cycles },
  { owner: 'CycleSchema.submissions', schema: element(schemas.cycles, 'submissions') },
  { owner: 'CycleSchema.exempt', schema: element(schemas.cycles, 'exempt', 0) },
  { owner: 'goalSchema', schema: schemas.goals },
  { owner: 'KeyResultSchema', schema: element(schemas.goals, 'key_results', 0) },
  { owner: 'accomplishmentSchema', schema: schemas.accomplishments },
  // The long form of a `goals` entry; the value picks the mapping over the id in the union.
  { owner: 'goalLink', schema: schemaAt(schemas.accomplishments, { goals: [{}] }, ['goals', 0])! },
  { owner: 'ImpactSchema', schema: element(schemas.accomplishments, 'impact', 0) },
  { owner: 'EvidenceSchema', schema: element(schemas.accomplishments, 'evidence', 0) },
];

const SCHEMA_DIR = new URL('../schema/', import.meta.url);

/** JSDoc of every property of every `z.strictObject({...})` in src/schema/, keyed by owner. */
export function readJsDoc(): Map<string, ObjectDocs> {
  const out = new Map<string, ObjectDocs>();
  const files = readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of files) {
    const path = new URL(name, SCHEMA_DIR);
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

/**
 * The JSDoc of each documented object schema, by the schema itself. Throws when an object or a
 * field has none: a field without a description is a gap in the docs and in every editor.
 */
export function schemaDocs(): Map<z.ZodType, ObjectDocs> {
  const docs = readJsDoc();
  const out = new Map<z.ZodType, ObjectDocs>();
  for (const { owner, schema } of DOCUMENTED_OBJECTS) {
    const info = docs.get(owner);
    if (!info) throw new Error(`no z.strictObject found for ${owner} in src/schema/`);
    for (const [field, text] of info.fields) if (!text) throw new Error(`${owner}.${field} has no JSDoc`);
    out.set(schema, info);
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
