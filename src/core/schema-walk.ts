import type { z } from 'zod';
import { referenceRegistry, type CollectionName } from '../schema/common.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Looks through wrappers that do not change which keys or items a value may have. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (d.innerType) current = d.innerType;
    else if (d.type === 'pipe' && d.in) current = d.in;
    else return current;
  }
}

/** The object keys a schema allows, or undefined when it is not an object. */
export function keysOf(schema: z.ZodType): string[] | undefined {
  const d = def(unwrap(schema));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : undefined;
}

/**
 * The schema that describes the value at `path` of `value`; unions pick the option matching the
 * value's shape (an id string or a mapping).
 */
export function schemaAt(root: z.ZodType, value: unknown, path: readonly PropertyKey[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let current = value;
  for (const segment of path) {
    if (!schema) return undefined;
    schema = pickOption(unwrap(schema), current);
    const d = def(schema);
    if (d.type === 'object' && d.shape) schema = d.shape[String(segment)];
    else if (d.type === 'array' && d.element) schema = d.element;
    else return undefined;
    current = isRecord(current) || Array.isArray(current) ? (current as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  return schema ? pickOption(unwrap(schema), current) : undefined;
}

function pickOption(schema: z.ZodType, value: unknown): z.ZodType {
  const d = def(schema);
  if (d.type !== 'union' || !d.options) return schema;
  const wanted = isRecord(value) ? 'object' : Array.isArray(value) ? 'array' : 'string';
  const match = d.options.find((option) => def(unwrap(option)).type === wanted) ?? d.options[0]!;
  return unwrap(match);
}

export interface FoundReference {
  path: PropertyKey[];
  collection: CollectionName;
  id: string;
}

/**
 * Every reference in a raw (possibly invalid) value: references are checked even in files that
 * fail the schema, so a typo in one field never hides a dangling id in another.
 */
export function findReferences(schema: z.ZodType, value: unknown, path: PropertyKey[] = [], out: FoundReference[] = []): FoundReference[] {
  const target = referenceRegistry.get(schema);
  if (target) {
    if (typeof value === 'string') out.push({ path, collection: target.collection, id: value });
    return out;
  }
  const inner = pickOption(unwrap(schema), value);
  const ref = referenceRegistry.get(inner);
  if (ref) {
    if (typeof value === 'string') out.push({ path, collection: ref.collection, id: value });
    return out;
  }
  const d = def(inner);
  if (d.type === 'object' && d.shape && isRecord(value)) {
    for (const [key, child] of Object.entries(d.shape)) {
      if (Object.hasOwn(value, key)) findReferences(child, value[key], [...path, key], out);
    }
  } else if (d.type === 'array' && d.element && Array.isArray(value)) {
    value.forEach((item, index) => findReferences(d.element!, item, [...path, index], out));
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw value at a path, or `undefined`. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (isRecord(current) || Array.isArray(current)) current = (current as Record<PropertyKey, unknown>)[segment];
    else return undefined;
  }
  return current;
}

/** Whether the path exists as a key (even with a null value) in the raw value. */
export function hasPath(value: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return true;
  const parent = valueAt(value, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent)) return typeof last === 'number' && last < parent.length;
  return isRecord(parent) && Object.hasOwn(parent, String(last));
}
