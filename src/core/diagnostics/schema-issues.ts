import type { z } from 'zod';
import { ID_PATTERN, ITEM_ID_PATTERN, referenceRegistry, type CollectionName } from '../../schema/common.ts';
import type { SchemaIssueParams } from '../../schema/rules.ts';
import type { RuleId } from '../rules/catalog.ts';
import { slugify } from '../text/slug.ts';
import { formatPath } from './diagnostics.ts';
import { hasPath, isRecord, keysOf, schemaAt, valueAt } from './schema-walk.ts';
import { didYouMean, oneOf, suggest } from '../text/suggest.ts';

/** A schema problem in author's terms, still to be placed in the file by its path. */
export interface SchemaProblem {
  path: PropertyKey[];
  rule: RuleId;
  message: string;
  hint?: string;
}

type Issue = z.core.$ZodIssue;

/** Turns zod's issues into messages that say what is wrong and what was expected. */
export function describeIssues(issues: readonly Issue[], schema: z.ZodType, raw: unknown): SchemaProblem[] {
  return describeIssuesUpTo(issues, schema, raw, Infinity).problems;
}

/**
 * The first `limit` problems, and how many more there are. Those are only counted, never
 * described: suggestions for 100,000 unknown keys of a hostile file would take seconds.
 */
export function describeIssuesUpTo(
  issues: readonly Issue[],
  schema: z.ZodType,
  raw: unknown,
  limit: number,
): { problems: SchemaProblem[]; more: number } {
  const out = new Problems(limit);
  for (const issue of issues) describeIssue(issue, schema, raw, out);
  return { problems: out.problems, more: out.more };
}

class Problems {
  readonly problems: SchemaProblem[] = [];
  more = 0;
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  /** `describe` runs only while there is room. */
  add(describe: () => SchemaProblem): void {
    if (this.problems.length < this.limit) this.problems.push(describe());
    else this.more++;
  }
}

function describeIssue(issue: Issue, schema: z.ZodType, raw: unknown, out: Problems): void {
  const path = issue.path;
  const field = formatPath(path);
  const value = valueAt(raw, path);
  if (path.length > 0 && !hasPath(raw, path) && issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_union') {
    out.add(() => {
      const expected = 'expected' in issue && typeof issue.expected === 'string' ? issue.expected : 'string';
      const what = issue.code === 'invalid_value' ? `one of ${oneOf(issue.values.map(String))}` : expectedName(expected, schema, raw, path);
      return {
        path,
        rule: 'missing-field',
        message: `Missing required field \`${field}\``,
        hint: `add \`${String(path.at(-1))}:\` with ${what}`,
      };
    });
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysOf(schemaAt(schema, raw, path) ?? schema) ?? [];
      for (const key of issue.keys) {
        const where = field === '' ? '' : ` in \`${field}\``;
        out.add(() => ({
          path: [...path, key],
          rule: 'unknown-key',
          message: `Unknown field \`${key}\`${where}, expected one of ${oneOf(known)}`,
          hint: didYouMean(key, known) ?? 'remove it, or check the spelling against the fields listed in README.md',
        }));
      }
      return;
    }
    case 'invalid_type': {
      if (path.length === 0) {
        out.add(() => ({
          path,
          rule: 'wrong-type',
          message:
            value === null || value === undefined
              ? 'Empty front matter, expected fields such as `title:`'
              : `Unexpected ${describeValue(value)} as front matter, expected a mapping of fields`,
          hint: 'write one `field: value` per line between the `---` lines',
        }));
        return;
      }
      out.add(() => {
        const expected = expectedName(issue.expected, schema, raw, path);
        return {
          path,
          rule: 'wrong-type',
          message:
            value === null
              ? `Empty value for \`${field}\`, expected ${expected}`
              : `Unexpected ${describeValue(value)} for \`${field}\`, expected ${expected}`,
          ...hintFor(typeHint(issue.expected, value, path)),
        };
      });
      return;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        out.add(() => ({
          path,
          rule: 'too-long',
          message: `\`${field}\` is ${String(value).length} characters long, expected at most ${max}`,
          hint: 'shorten it; the body has room for detail',
        }));
      } else if (issue.origin === 'array') {
        out.add(() => ({
          path,
          rule: 'invalid-value',
          message: `\`${field}\` has ${(value as unknown[]).length} entries, expected at most ${max}`,
        }));
      } else {
        out.add(() => ({
          path,
          rule: 'invalid-value',
          message: `Unexpected ${String(value)} for \`${field}\`, expected at most ${limit(max)}`,
        }));
      }
      return;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        out.add(() => ({
          path,
          rule: 'wrong-type',
          message: `Empty text for \`${field}\`, expected at least ${min} character`,
          hint: 'write something, or remove the field if it is optional',
        }));
      } else if (issue.origin === 'array') {
        out.add(() => ({
          path,
          rule: 'invalid-value',
          message: `\`${field}\` is empty, expected at least ${min} ${min === 1 ? 'entry' : 'entries'}`,
        }));
      } else {
        out.add(() => ({
          path,
          rule: 'invalid-value',
          message: `Unexpected ${String(value)} for \`${field}\`, expected at least ${limit(min)}`,
        }));
      }
      return;
    }
    case 'invalid_format': {
      const text = String(value);
      if (issue.format === 'url') {
        const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
        if ('note' in issue && issue.note === 'Invalid protocol' && protocol) {
          out.add(() => ({
            path,
            rule: 'link-protocol',
            message: `Unexpected link protocol \`${protocol}:\` in \`${field}\`, expected ${oneOf(['https:', 'http:', 'mailto:'])}`,
            hint: 'link to a web page (https://…) or an address (mailto:…)',
          }));
        } else {
          out.add(() => ({
            path,
            rule: 'link-protocol',
            message: `Unexpected ${protocol ? 'link' : 'relative link'} \`${text}\` in \`${field}\`, expected an absolute \`https://\` link`,
            hint: 'copy the full address from the browser, starting with https://',
          }));
        }
        return;
      }
      if ('pattern' in issue && issue.pattern === String(ID_PATTERN)) {
        const fixed = slugify(text);
        out.add(() => ({
          path,
          rule: 'invalid-id',
          message: `Invalid id \`${text}\` for \`${field}\`, expected lowercase words joined by \`-\`, such as \`ci-speed\``,
          ...(fixed && fixed !== text ? { hint: `write \`${fixed}\`` } : {}),
        }));
        return;
      }
      if ('pattern' in issue && issue.pattern === String(ITEM_ID_PATTERN)) {
        out.add(() => ({
          path,
          rule: 'invalid-id',
          message: `Invalid id \`${text}\` for \`${field}\`, expected an accomplishment's \`<cycle>/<slug>\`, such as \`2026-h1/cut-ci-time\``,
          hint: 'write the path of its file under `content/accomplishments/`, without `.md`',
        }));
        return;
      }
      if (field === 'github' || String(path.at(-1)) === 'github') {
        out.add(() => ({
          path,
          rule: 'invalid-value',
          message: `Invalid GitHub handle \`${text}\`, expected letters, digits and single hyphens`,
          hint: text.startsWith('@') ? `write \`${text.slice(1)}\`, without \`@\`` : 'copy it from your GitHub profile address',
        }));
        return;
      }
      out.add(() => ({
        path,
        rule: 'invalid-date',
        message: `Invalid date \`${text}\` for \`${field}\`, expected \`YYYY-MM-DD\``,
        hint: 'e.g. `2026-04-18`',
      }));
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const given = typeof value === 'string' ? value : String(value);
      out.add(() => ({
        path,
        rule: 'invalid-value',
        message: `Unexpected \`${given}\` for \`${field}\`, expected ${allowed.length > 1 ? 'one of ' : ''}${oneOf(allowed)}`,
        ...hintFor(didYouMean(given, allowed)),
      }));
      return;
    }
    case 'invalid_union': {
      const branch = issue.errors.find((errors) => errors.every((e) => e.path.length > 0 || e.code !== 'invalid_type'));
      if (branch) {
        for (const inner of branch) describeIssue({ ...inner, path: [...path, ...inner.path] }, schema, raw, out);
        return;
      }
      out.add(() => ({
        path,
        rule: 'wrong-type',
        message: `Unexpected ${describeValue(value)} for \`${field}\`, expected a goal id or a mapping with \`goal:\``,
        hint: 'e.g. `- goal: ci-speed` or `goals: [ci-speed]`',
      }));
      return;
    }
    case 'custom': {
      const params = issue.params as SchemaIssueParams | undefined;
      const rule = params?.rule;
      if (params?.lineBreak) {
        out.add(() => ({
          path,
          rule: 'invalid-value',
          message: `Unexpected line break in \`${field}\`, expected one line of text`,
          hint: 'write it on one line; for long text, `>-` folds the lines into one and drops the last line break',
        }));
        return;
      }
      if (rule === 'invalid-date') {
        out.add(() => ({
          path,
          rule,
          message: `Invalid date \`${String(value)}\` for \`${field}\`, there is no such day in the calendar`,
          hint: 'check the day of the month',
        }));
        return;
      }
      const { expected, hint } = params ?? {};
      if (expected !== undefined) {
        out.add(() => ({
          path,
          rule: rule ?? 'invalid-value',
          message: `Invalid \`${String(value)}\` for \`${field}\`, expected ${expected}`,
          ...hintFor(hint),
        }));
        return;
      }
      out.add(() => ({ path, rule: rule ?? 'invalid-value', message: `${issue.message} at \`${field}\`` }));
      return;
    }
    default:
      out.add(() => ({ path, rule: 'invalid-value', message: `${issue.message} at \`${field}\`` }));
  }
}

function hintFor(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}

function expectedName(expected: string, schema: z.ZodType, raw: unknown, path: readonly PropertyKey[]): string {
  switch (expected) {
    case 'string': {
      const at = schemaAt(schema, raw, path);
      const ref = at ? referenceRegistry.get(at) : undefined;
      if (ref) return `the id of a file in \`content/${ref.collection}/\``;
      return at && isIdSchema(at) ? 'an id (lowercase words joined by `-`)' : 'text';
    }
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return '`true` or `false`';
    case 'array': {
      // The first entry's schema: for `goals: fewer-incidents`, "a list of goal ids".
      const entry = schemaAt(schema, raw, [...path, 0]);
      const ref = entry ? referenceRegistry.get(entry) : undefined;
      return ref ? `a list of ${SINGULAR[ref.collection]} ids` : 'a list';
    }
    case 'object':
      return 'a mapping of fields';
    default:
      return `a value of type ${expected}`;
  }
}

const SINGULAR: Record<CollectionName, string> = {
  teams: 'team',
  people: 'person',
  cycles: 'cycle',
  goals: 'goal',
  accomplishments: 'accomplishment',
};

function isIdSchema(schema: z.ZodType): boolean {
  const checks = (schema as unknown as { _zod: { def: { checks?: { _zod: { def: { pattern?: RegExp } } }[] } } })._zod.def.checks;
  return checks?.some((check) => String(check._zod.def.pattern) === String(ID_PATTERN)) ?? false;
}

function typeHint(expected: string, value: unknown, path: readonly PropertyKey[]): string | undefined {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return `quote it: \`"${String(value)}"\``;
  }
  if ((expected === 'number' || expected === 'int') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return `remove the quotes: \`${value}\``;
  }
  if (expected === 'array' && (typeof value === 'string' || typeof value === 'number')) {
    return `make it a list: write \`${String(path.at(-1))}: [${String(value)}]\``;
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return 'mapping';
  if (typeof value === 'string') return `text \`${truncate(value)}\``;
  if (typeof value === 'boolean') return `boolean \`${String(value)}\``;
  if (typeof value === 'number') return `number \`${String(value)}\``;
  return 'value';
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

export { suggest };

/** A numeric bound as people read it: `10`, `1e15` rather than `1000000000000000`. */
function limit(bound: number): string {
  return Math.abs(bound) >= 1e6 ? bound.toExponential().replace('e+', 'e') : String(bound);
}
