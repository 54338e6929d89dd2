import type { z } from 'zod';
import { referenceRegistry, type CollectionName } from '../../schema/common.ts';

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

/** Where references sit in a schema, compiled once so checking 10,000 files walks data, not schemas. */
interface RefNode {
  ref?: CollectionName;
  keys?: Map<string, RefNode>;
  items?: RefNode;
  /** A union: the node for an object value and the node for a scalar value. */
  object?: RefNode;
  scalar?: RefNode;
}

const compiled = new WeakMap<z.ZodType, RefNode | null>();

function compile(schema: z.ZodType): RefNode | null {
  if (compiled.has(schema)) return compiled.get(schema)!;
  compiled.set(schema, null); // guards against recursive schemas
  const node = compileUncached(schema);
  compiled.set(schema, node);
  return node;
}

function compileUncached(schema: z.ZodType): RefNode | null {
  const direct = referenceRegistry.get(schema);
  if (direct) return { ref: direct.collection };
  const inner = unwrap(schema);
  const ref = referenceRegistry.get(inner);
  if (ref) return { ref: ref.collection };
  const d = def(inner);
  if (d.type === 'union' && d.options) {
    const object = d.options.find((o) => def(unwrap(o)).type === 'object');
    const scalar = d.options.find((o) => def(unwrap(o)).type !== 'object');
    const node: RefNode = {};
    const objectNode = object ? compile(object) : null;
    const scalarNode = scalar ? compile(scalar) : null;
    if (objectNode) node.object = objectNode;
    if (scalarNode) node.scalar = scalarNode;
    return objectNode || scalarNode ? node : null;
  }
  if (d.type === 'object' && d.shape) {
    const keys = new Map<string, RefNode>();
    for (const [key, child] of Object.entries(d.shape)) {
      const node = compile(child);
      if (node) keys.set(key, node);
    }
    return keys.size > 0 ? { keys } : null;
  }
  if (d.type === 'array' && d.element) {
    const items = compile(d.element);
    return items ? { items } : null;
  }
  return null;
}

/**
 * Every reference in a raw (possibly invalid) value: references are checked even in files that
 * fail the schema, so a typo in one field never hides a dangling id in another.
 */
export function findReferences(schema: z.ZodType, value: unknown): FoundReference[] {
  const out: FoundReference[] = [];
  const node = compile(schema);
  if (node) collect(node, value, [], out);
  return out;
}

function collect(node: RefNode, value: unknown, path: PropertyKey[], out: FoundReference[]): void {
  if (node.ref) {
    if (typeof value === 'string') out.push({ path, collection: node.ref, id: value });
    return;
  }
  if (node.object || node.scalar) {
    const branch = isRecord(value) ? node.object : node.scalar;
    if (branch) collect(branch, value, path, out);
    return;
  }
  if (node.keys && isRecord(value)) {
    for (const [key, child] of node.keys) {
      if (Object.hasOwn(value, key)) collect(child, value[key], [...path, key], out);
    }
  } else if (node.items && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collect(node.items, value[i], [...path, i], out);
  }
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
