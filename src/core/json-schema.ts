import { z } from 'zod';
import { COLLECTIONS, Id, IsoDate, Link, referenceRegistry, schemas, SiteSchema, type CollectionName } from '../schema/index.ts';
import { isRecord, unwrap } from './diagnostics/schema-walk.ts';

/** What `throughline schema` exports: the front matter of each collection, and `content/site.yaml`. */
export const SCHEMA_NAMES = [...COLLECTIONS, 'site'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export type JsonSchema = Record<string, unknown>;

/** The JSDoc of one `z.strictObject({...})`: the comment above its variable, and each field's. */
export interface ObjectDocs {
  doc: string;
  fields: ReadonlyMap<string, string>;
}

export interface ExportInput {
  /** JSDoc by the object schema it documents (the object itself, not a wrapper around it). */
  docs: ReadonlyMap<z.ZodType, ObjectDocs>;
  /** The ids in `content/` per collection, offered as completions for reference fields. */
  ids: Readonly<Record<CollectionName, readonly string[]>>;
}

const SOURCES: Record<SchemaName, z.ZodType> = { ...schemas, site: SiteSchema };

const TITLES: Record<SchemaName, string> = {
  teams: 'Throughline team',
  people: 'Throughline person',
  cycles: 'Throughline cycle',
  goals: 'Throughline goal',
  accomplishments: 'Throughline accomplishment',
  site: 'Throughline site settings',
};

// Shown instead of the validator's "does not match the pattern ^[a-z0-9]+…": what a person can act on.
const ID_MESSAGE = 'Expected an id: lowercase words joined by `-`, such as `ci-speed`';
const ITEM_ID_MESSAGE = 'Expected an accomplishment id: `<cycle>/<slug>`, such as `2026-h1/cut-ci-time`';
const DATE_MESSAGE = 'Expected a date written `YYYY-MM-DD`';
const LINK_MESSAGE = 'Expected an absolute link, starting with `https://`';

/**
 * JSON Schema (draft-07) for the front matter of every collection and for `content/site.yaml`,
 * from the same zod schemas the check and the site use.
 *
 * - `io: 'input'`: front matter is what a person writes, so fields with a default are optional and
 *   `goals` is the list the transform reads (ids or mappings), not what it produces.
 * - draft-07: the newest draft that both VS Code's JSON service and yaml-language-server (behind
 *   Red Hat's YAML extension and Astro's front matter support) implement completely; nothing here
 *   needs a later keyword.
 * - `unrepresentable: 'throw'`: a field JSON Schema cannot describe would otherwise become `{}` and
 *   silently accept anything. Refinements (real calendar dates, `unplanned` exactly when `goals`
 *   is empty) are dropped; the check still enforces them.
 * - References get the current ids as `examples`, not `enum`: completion offers them, and a person
 *   or goal added after the export is not flagged.
 */
export function frontMatterSchemas(input: ExportInput): Record<SchemaName, JsonSchema> {
  const out = {} as Record<SchemaName, JsonSchema>;
  for (const name of SCHEMA_NAMES) out[name] = frontMatterSchema(name, input);
  return out;
}

export function frontMatterSchema(name: SchemaName, { docs, ids }: ExportInput): JsonSchema {
  const source = SOURCES[name];
  const generated = z.toJSONSchema(source, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    // Runs once per zod schema, and a schema used twice (`start` and `end` are both `IsoDate`)
    // shares one JSON object: only what is true wherever the schema sits belongs here.
    override: ({ zodSchema, jsonSchema }) => {
      const ref = referenceRegistry.get(zodSchema as unknown as z.ZodType);
      if (ref && ids[ref.collection].length > 0) jsonSchema.examples = [...ids[ref.collection]].sort();
      if (ref || zodSchema === Id) jsonSchema.patternErrorMessage = ref?.collection === 'accomplishments' ? ITEM_ID_MESSAGE : ID_MESSAGE;
      if (zodSchema === IsoDate) {
        jsonSchema.format = 'date';
        jsonSchema.patternErrorMessage = DATE_MESSAGE;
      }
      if (zodSchema === Link) {
        jsonSchema.format = 'uri';
        const pattern = protocolPattern(Link);
        if (pattern) {
          jsonSchema.pattern = pattern;
          jsonSchema.patternErrorMessage = LINK_MESSAGE;
        }
      }
    },
  }) as JsonSchema;
  // A description belongs to the field, not to its schema (`start` and `end` share `IsoDate`, not
  // their text), so descriptions go on after conversion, where every field has a node of its own.
  const described = describe(source, generated, docs);
  const root = docs.get(unwrap(source));
  const { $schema, ...rest } = described;
  return { $schema, title: TITLES[name], ...text(root?.doc), ...rest };
}

/** Pretty, stable JSON with a trailing newline: the bytes written to disk. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}

/**
 * Walks the zod schema and its JSON Schema side by side, putting each field's JSDoc on the field.
 * Wrappers (optional, default, the input side of a pipe) map to the same JSON node as what they wrap.
 */
function describe(schema: z.ZodType, json: JsonSchema, docs: ReadonlyMap<z.ZodType, ObjectDocs>): JsonSchema {
  const inner = unwrap(schema);
  const def = (inner as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type === 'object' && def.shape && isRecord(json['properties'])) {
    const fields = docs.get(inner)?.fields;
    const properties: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries(json['properties'] as Record<string, JsonSchema>)) {
      const field = def.shape[key];
      const described = field ? describe(field, child, docs) : child;
      properties[key] = { ...text(fields?.get(key)), ...described };
    }
    return { ...json, properties };
  }
  if (def.type === 'array' && def.element && isRecord(json['items'])) {
    return { ...json, items: describe(def.element, json['items'], docs) };
  }
  if (def.type === 'union' && def.options && Array.isArray(json['anyOf'])) {
    const options = def.options;
    return {
      ...json,
      anyOf: (json['anyOf'] as JsonSchema[]).map((branch, i) => (options[i] ? describe(options[i], branch, docs) : branch)),
    };
  }
  return { ...json };
}

/**
 * The input side of `Link` is only a string; its `z.url({ protocol })` check is on the output
 * side. Its protocol pattern, anchored to the start, flags a relative link while it is typed.
 */
function protocolPattern(link: z.ZodType): string | undefined {
  const out = (link as unknown as { _zod: { def: { out?: { _zod: { def: { protocol?: unknown } } } } } })._zod.def.out;
  const protocol = out?._zod.def.protocol;
  if (!(protocol instanceof RegExp) || !/^\^.*\$$/.test(protocol.source)) return undefined;
  return `^(?:${protocol.source.slice(1, -1)}):`;
}

// `markdownDescription` is what VS Code renders on hover (with code spans); `description` is the
// standard keyword every other tool reads. Both carry the same JSDoc.
function text(doc: string | undefined): JsonSchema {
  return doc ? { description: doc, markdownDescription: doc } : {};
}
