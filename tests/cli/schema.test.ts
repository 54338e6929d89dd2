import Ajv from 'ajv';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { command } from '../../src/cli/commands/schema.ts';
import { listContentTree, readContentFile } from '../../src/node/fs.ts';
import { SCHEMA_NAMES, type JsonSchema, type SchemaName } from '../../src/core/json-schema.ts';
import { classify } from '../../src/core/read/paths.ts';
import { readEntry, readYaml } from '../../src/core/read/read-entry.ts';
import { isRecord } from '../../src/core/diagnostics/schema-walk.ts';
import { makeTree, REPO } from '../helpers.ts';
import { testContext } from './context.ts';

const OUT = '.throughline/schema';

const outside: string[] = [];
afterAll(() => {
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function schema(root: string, values: Record<string, string | boolean> = {}) {
  const ctx = testContext(root);
  const code = await command.run({ editor: true, ...values }, ctx);
  return { code, out: ctx.out(), err: ctx.err() };
}

function readJson(path: string): JsonSchema {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
}

/** The exported schemas of a tree, by name. */
async function exported(root: string): Promise<Record<SchemaName, JsonSchema>> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-schema-'));
  outside.push(dir);
  await schema(root, { 'out-dir': dir, editor: false });
  return Object.fromEntries(SCHEMA_NAMES.map((name) => [name, readJson(join(dir, `${name}.schema.json`))])) as Record<
    SchemaName,
    JsonSchema
  >;
}

// `markdownDescription` and `patternErrorMessage` are VS Code's keywords: Ajv 8 refuses unknown
// keywords unless `strict` is off, Ajv 6 ignores them (and the option). Formats are checked where
// the installed Ajv knows them.
const AJV_OPTIONS = { allErrors: true, logger: false, strict: false } as const;

// A real validator, not our own reading of the schema: what passes here is what the editor accepts.
function validators(documents: Record<SchemaName, JsonSchema>) {
  const ajv = new Ajv(AJV_OPTIONS);
  return Object.fromEntries(SCHEMA_NAMES.map((name) => [name, ajv.compile(documents[name])])) as Record<
    SchemaName,
    ReturnType<typeof ajv.compile>
  >;
}

/** The front matter of every file under content/, as the check reads it, with its schema's name. */
function frontMatters(root: string): { path: string; name: SchemaName; data: unknown }[] {
  return listContentTree(root).flatMap((listed): { path: string; name: SchemaName; data: unknown }[] => {
    const file = readContentFile(root, listed);
    const kind = classify(listed.path);
    if (!('text' in file)) return [];
    if (kind.kind === 'site') {
      const yaml = readYaml(file.text);
      return yaml.ok ? [{ path: listed.path, name: 'site' as const, data: yaml.value }] : [];
    }
    if (kind.kind !== 'entry') return [];
    const entry = readEntry(file.text);
    return entry.ok ? [{ path: listed.path, name: kind.collection, data: entry.data }] : [];
  });
}

const at = (schema: JsonSchema, ...path: string[]): JsonSchema =>
  path.reduce<JsonSchema>((node, key) => {
    const next = Array.isArray(node) ? (node as JsonSchema[])[Number(key)] : node[key];
    if (!isRecord(next) && !Array.isArray(next)) throw new Error(`no ${path.join('.')}`);
    return next as JsonSchema;
  }, schema);

/** Every object schema in a JSON Schema, with where it sits. */
function objects(node: unknown, where = '#'): { where: string; schema: JsonSchema }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => objects(item, `${where}/${i}`));
  if (!isRecord(node)) return [];
  const own = node['type'] === 'object' ? [{ where, schema: node }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => objects(value, `${where}/${key}`))];
}

describe('throughline schema', () => {
  test('writes a schema per collection and for site.yaml, and the map the Astro extension reads', async () => {
    const root = makeTree();
    const result = await schema(root);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatchInlineSnapshot(`
      "Wrote JSON Schema for front matter (editor set-up: docs/editor.md):
        .astro/collections/collections.json
        .astro/collections/throughline-accomplishments.schema.json
        .astro/collections/throughline-cycles.schema.json
        .astro/collections/throughline-goals.schema.json
        .astro/collections/throughline-people.schema.json
        .astro/collections/throughline-teams.schema.json
        .throughline/schema/accomplishments.schema.json
        .throughline/schema/cycles.schema.json
        .throughline/schema/goals.schema.json
        .throughline/schema/people.schema.json
        .throughline/schema/site.schema.json
        .throughline/schema/teams.schema.json
      "
    `);
    for (const name of SCHEMA_NAMES) expect(existsSync(join(root, OUT, `${name}.schema.json`))).toBe(true);
  });

  test('the cycles schema, as written: input shape, JSDoc on every field, defaults optional, unknown keys refused', async () => {
    const root = makeTree();
    await schema(root);
    expect(readFileSync(join(root, OUT, 'cycles.schema.json'), 'utf8')).toMatchInlineSnapshot(`
      "{
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Throughline cycle",
        "description": "\`content/cycles/<id>.md\`: a review cycle, e.g. \`2026-h1\`.",
        "markdownDescription": "\`content/cycles/<id>.md\`: a review cycle, e.g. \`2026-h1\`.",
        "type": "object",
        "properties": {
          "name": {
            "description": "Display name, e.g. \`H1 2026\`.",
            "markdownDescription": "Display name, e.g. \`H1 2026\`.",
            "type": "string",
            "minLength": 1,
            "maxLength": 60
          },
          "start": {
            "description": "First day of the cycle, \`YYYY-MM-DD\`.",
            "markdownDescription": "First day of the cycle, \`YYYY-MM-DD\`.",
            "type": "string",
            "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$",
            "format": "date",
            "patternErrorMessage": "Expected a date written \`YYYY-MM-DD\`"
          },
          "end": {
            "description": "Last day of the cycle, \`YYYY-MM-DD\`.",
            "markdownDescription": "Last day of the cycle, \`YYYY-MM-DD\`.",
            "type": "string",
            "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$",
            "format": "date",
            "patternErrorMessage": "Expected a date written \`YYYY-MM-DD\`"
          },
          "due": {
            "description": "Last day to submit accomplishments for this cycle. Defaults to \`end\`.",
            "markdownDescription": "Last day to submit accomplishments for this cycle. Defaults to \`end\`.",
            "type": "string",
            "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}$",
            "format": "date",
            "patternErrorMessage": "Expected a date written \`YYYY-MM-DD\`"
          },
          "submissions": {
            "description": "How many accomplishments each person writes for this cycle.",
            "markdownDescription": "How many accomplishments each person writes for this cycle.",
            "default": {
              "min": 3,
              "max": 5
            },
            "type": "object",
            "properties": {
              "min": {
                "description": "Fewest accomplishments per person.",
                "markdownDescription": "Fewest accomplishments per person.",
                "default": 3,
                "type": "integer",
                "minimum": 0,
                "maximum": 50
              },
              "max": {
                "description": "Most accomplishments per person.",
                "markdownDescription": "Most accomplishments per person.",
                "default": 5,
                "type": "integer",
                "minimum": 1,
                "maximum": 50
              }
            },
            "additionalProperties": false
          },
          "reminder_days": {
            "description": "How many days before the due date \`throughline check\` starts reminding people who have fewer than \`submissions.min\` accomplishments (a warning). Earlier, only \`throughline status\` shows who needs more. Defaults to \`14\`.",
            "markdownDescription": "How many days before the due date \`throughline check\` starts reminding people who have fewer than \`submissions.min\` accomplishments (a warning). Earlier, only \`throughline status\` shows who needs more. Defaults to \`14\`.",
            "default": 14,
            "type": "integer",
            "minimum": 0,
            "maximum": 366
          },
          "exempt": {
            "description": "People not held to \`submissions.min\` in this cycle, e.g. on leave, or a lead who writes none: \`[{ person: dana, reason: on leave }]\`. The maximum still applies.",
            "markdownDescription": "People not held to \`submissions.min\` in this cycle, e.g. on leave, or a lead who writes none: \`[{ person: dana, reason: on leave }]\`. The maximum still applies.",
            "default": [],
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "person": {
                  "description": "The id of the person.",
                  "markdownDescription": "The id of the person.",
                  "type": "string",
                  "maxLength": 64,
                  "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                  "examples": [
                    "ana",
                    "ben",
                    "cleo"
                  ],
                  "patternErrorMessage": "Expected an id: lowercase words joined by \`-\`, such as \`ci-speed\`"
                },
                "reason": {
                  "description": "Why, e.g. \`on leave\`: shown on the cycle page of team builds only, never in a public one.",
                  "markdownDescription": "Why, e.g. \`on leave\`: shown on the cycle page of team builds only, never in a public one.",
                  "type": "string",
                  "minLength": 1,
                  "maxLength": 200
                }
              },
              "required": [
                "person",
                "reason"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "name",
          "start",
          "end"
        ],
        "additionalProperties": false
      }
      "
    `);
  });

  test('each field carries the JSDoc written on its schema, word for word', async () => {
    const documents = await exported(makeTree());
    expect(at(documents.teams, 'properties', 'name')['description']).toBe("The team's display name, e.g. `Developer Platform`.");
    expect(at(documents.accomplishments, 'properties', 'visibility')['description']).toBe(
      'Who may see this item: `public`, `team` or `private`. Required: there is no default.',
    );
    expect(at(documents.accomplishments, 'properties', 'goals', 'items', 'anyOf', '1', 'properties', 'contribution')['description']).toBe(
      'One or two sentences on how this work moved the goal.',
    );
    expect(at(documents.accomplishments, 'properties', 'impact', 'items', 'properties', 'before')['description']).toBe(
      'The value before the work.',
    );
    expect(at(documents.goals, 'properties', 'key_results', 'items', 'properties', 'target')['description']).toBe(
      'The value the goal aims for; it must differ from `baseline`, since which side of it the target lies on is the direction: above means "increase", below means "reduce". A target equal to the baseline ("hold the line") has no direction, so neither progress nor claimed movement could be measured against it, and the check rejects it.',
    );
    expect(at(documents.site, 'properties', 'branch')['description']).toBe(
      'The branch that edit links point at: a git branch name such as `main`.',
    );
    // Editors render the Markdown one on hover: `code` shows as code.
    expect(at(documents.people, 'properties', 'github')['markdownDescription']).toBe(
      'Your GitHub handle, without `@`; links your pull requests to you.',
    );
    expect(documents.accomplishments['description']).toBe(
      '`content/accomplishments/<cycle>/<slug>.md`: one piece of work and the goals it moved.',
    );
  });

  test('no field anywhere is left without a description', async () => {
    const documents = await exported(makeTree());
    const bare = SCHEMA_NAMES.flatMap((name) =>
      objects(documents[name]).flatMap(({ where, schema }) =>
        Object.entries(schema['properties'] as Record<string, JsonSchema>)
          .filter(([, field]) => typeof field['description'] !== 'string' || field['description'] === '')
          .map(([key]) => `${name} ${where}/properties/${key}`),
      ),
    );
    expect(bare).toEqual([]);
  });

  test('required are exactly the fields that have neither a default nor are optional', async () => {
    const documents = await exported(makeTree());
    const required = Object.fromEntries(SCHEMA_NAMES.map((name) => [name, documents[name]['required']]));
    expect(required).toEqual({
      teams: ['name', 'lead'],
      people: ['name', 'role', 'team'],
      cycles: ['name', 'start', 'end'],
      goals: ['title', 'owner', 'team', 'cycle', 'status'],
      accomplishments: ['title', 'summary', 'authors', 'cycle', 'date', 'outcome', 'visibility'],
      site: ['title', 'description', 'url', 'repo', 'audience'],
    });
    expect(at(documents.goals, 'properties', 'key_results', 'items')['required']).toEqual([
      'id',
      'title',
      'unit',
      'baseline',
      'target',
      'current',
    ]);
    expect(at(documents.accomplishments, 'properties', 'goals', 'items', 'anyOf', '1')['required']).toEqual(['goal']);
  });

  test('every mapping refuses keys it does not know, as the check does', async () => {
    const documents = await exported(makeTree());
    const open = SCHEMA_NAMES.flatMap((name) =>
      objects(documents[name])
        .filter(({ schema }) => schema['additionalProperties'] !== false)
        .map(({ where }) => `${name} ${where}`),
    );
    expect(open).toEqual([]);
  });

  test('every example file in content/ passes the schema exported from it', async () => {
    const check = validators(await exported(REPO));
    const files = frontMatters(REPO);
    expect(files.length).toBeGreaterThan(50);
    expect(new Set(files.map((f) => f.name))).toEqual(new Set(SCHEMA_NAMES));
    const failing = files.flatMap(({ path, name, data }) => (check[name](data) ? [] : [`${path}: ${JSON.stringify(check[name].errors)}`]));
    expect(failing).toEqual([]);
  });

  describe('broken front matter fails as an author would want it to', () => {
    const base = {
      title: 'Cut median CI time from 20 to 14 minutes',
      summary: 'Sharded the test job four ways.',
      authors: ['ben', 'ana'],
      cycle: '2026-h1',
      date: '2026-03-12',
      goals: ['ci-speed'],
      outcome: 'delivered',
      visibility: 'team',
    };
    const problems = async (data: unknown) => {
      const check = validators(await exported(makeTree()));
      if (check.accomplishments(data)) return [];
      // Sorted: Ajv 6 and 8 report in different orders.
      return (check.accomplishments.errors ?? [])
        .map((e) => ({ keyword: e.keyword, params: e.params }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    };

    test('the valid item passes', async () => {
      expect(await problems(base)).toEqual([]);
    });

    test('a typo in a key', async () => {
      const { summary, ...rest } = base;
      expect(await problems({ ...rest, sumary: summary })).toEqual([
        { keyword: 'additionalProperties', params: { additionalProperty: 'sumary' } },
        { keyword: 'required', params: { missingProperty: 'summary' } },
      ]);
    });

    test('`privte` for visibility', async () => {
      expect(await problems({ ...base, visibility: 'privte' })).toEqual([
        { keyword: 'enum', params: { allowedValues: ['public', 'team', 'private'] } },
      ]);
    });

    test('no title', async () => {
      const rest: Partial<typeof base> = { ...base };
      delete rest.title;
      expect(await problems(rest)).toEqual([{ keyword: 'required', params: { missingProperty: 'title' } }]);
    });

    test('a date not written YYYY-MM-DD, a relative evidence link, a typo inside a goal link', async () => {
      const found = await problems({
        ...base,
        date: '12/03/2026',
        evidence: [{ label: 'PR', url: 'github.com/example/app/pull/12' }],
        goals: [{ goal: 'ci-speed', key_reslt: 'ci-p50' }],
      });
      expect(found.map((p) => p.keyword)).toEqual(expect.arrayContaining(['pattern', 'additionalProperties']));
      expect(found).toContainEqual({ keyword: 'additionalProperties', params: { additionalProperty: 'key_reslt' } });
      expect(found.filter((p) => p.keyword === 'pattern')).toHaveLength(2);
    });
  });

  test('references offer the ids in content/ and still accept one added after the export', async () => {
    const documents = await exported(makeTree());
    expect(at(documents.accomplishments, 'properties', 'authors', 'items')['examples']).toEqual(['ana', 'ben', 'cleo']);
    expect(at(documents.accomplishments, 'properties', 'goals', 'items', 'anyOf', '0')['examples']).toEqual(['ci-speed', 'ship-faster']);
    expect(at(documents.accomplishments, 'properties', 'goals', 'items', 'anyOf', '1', 'properties', 'goal')['examples']).toEqual([
      'ci-speed',
      'ship-faster',
    ]);
    expect(at(documents.people, 'properties', 'manager')['examples']).toEqual(['ana', 'ben', 'cleo']);
    expect(at(documents.goals, 'properties', 'cycle')['examples']).toEqual(['2026-h1']);
    expect(at(documents.teams, 'properties', 'parent')['examples']).toEqual(['core']);
    const check = validators(documents);
    const team = { name: 'Data', lead: 'zoe-newcomer' };
    expect(check.teams(team)).toBe(true);
  });

  test('`goals` takes the short form and the long form, as the schema before its transform does', async () => {
    const check = validators(await exported(makeTree()));
    const item = {
      title: 'T',
      summary: 'S',
      authors: ['ana'],
      cycle: '2026-h1',
      date: '2026-03-12',
      outcome: 'learning',
      visibility: 'team',
    };
    expect(check.accomplishments({ ...item, goals: ['ci-speed'] })).toBe(true);
    expect(check.accomplishments({ ...item, goals: [{ goal: 'ci-speed', key_result: 'ci-p50', contribution: 'Most of it.' }] })).toBe(true);
    expect(check.accomplishments({ ...item, goals: ['ci-speed', { goal: 'ship-faster' }] })).toBe(true);
    expect(check.accomplishments({ ...item, goals: [{ key_result: 'ci-p50' }] })).toBe(false);
  });

  test('the Astro map sends every Markdown file to its collection, and a badly named file is mapped but never offered', async () => {
    const root = makeTree(undefined, { files: { 'content/people/Dana_K.md': '---\nname: Dana\n---\n' } });
    await schema(root);
    const map = readJson(join(root, '.astro/collections/collections.json'));
    expect(map['collections']).toEqual(
      ['teams', 'people', 'cycles', 'goals', 'accomplishments'].map((name) => ({ hasSchema: true, name: `throughline-${name}` })),
    );
    const entries = map['entries'] as Record<string, string>;
    const key = (path: string) => decodeURIComponent(pathToFileURL(join(root, path)).href).toLowerCase();
    expect(entries[key('content/accomplishments/2026-h1/cut-ci-time.md')]).toBe('throughline-accomplishments');
    expect(entries[key('content/goals/ci-speed.md')]).toBe('throughline-goals');
    expect(entries[key('content/people/Dana_K.md')]).toBe('throughline-people');
    const markdown = listContentTree(root).filter((f) => f.path.endsWith('.md'));
    expect(new Set(Object.keys(entries))).toEqual(
      new Set(markdown.flatMap((f) => [key(f.path), pathToFileURL(join(root, f.path)).href.toLowerCase()])),
    );
    // The schema the extension shows is the exported one, byte for byte.
    expect(readFileSync(join(root, '.astro/collections/throughline-people.schema.json'), 'utf8')).toBe(
      readFileSync(join(root, OUT, 'people.schema.json'), 'utf8'),
    );
    const people = readJson(join(root, OUT, 'people.schema.json'));
    expect(at(people, 'properties', 'manager')['examples']).toEqual(['ana', 'ben', 'cleo']);
  });

  test('--no-editor writes only the schema files', async () => {
    const root = makeTree();
    const result = await schema(root, { editor: false });
    expect(result.out).toMatchInlineSnapshot(`
      "Wrote JSON Schema for front matter (editor set-up: docs/editor.md):
        .throughline/schema/accomplishments.schema.json
        .throughline/schema/cycles.schema.json
        .throughline/schema/goals.schema.json
        .throughline/schema/people.schema.json
        .throughline/schema/site.schema.json
        .throughline/schema/teams.schema.json
      "
    `);
    expect(existsSync(join(root, '.astro'))).toBe(false);
  });

  test('--out-dir DIR, relative to the root', async () => {
    const root = makeTree();
    const result = await schema(root, { 'out-dir': 'editor/schema', editor: false });
    expect(result.out).toMatchInlineSnapshot(`
      "Wrote JSON Schema for front matter (editor set-up: docs/editor.md):
        editor/schema/accomplishments.schema.json
        editor/schema/cycles.schema.json
        editor/schema/goals.schema.json
        editor/schema/people.schema.json
        editor/schema/site.schema.json
        editor/schema/teams.schema.json
      "
    `);
  });

  test('a second run writes the same bytes, each file ending in a newline', async () => {
    const root = makeTree();
    await schema(root);
    const first = SCHEMA_NAMES.map((name) => readFileSync(join(root, OUT, `${name}.schema.json`), 'utf8'));
    const map = readFileSync(join(root, '.astro/collections/collections.json'), 'utf8');
    await schema(root);
    expect(SCHEMA_NAMES.map((name) => readFileSync(join(root, OUT, `${name}.schema.json`), 'utf8'))).toEqual(first);
    expect(readFileSync(join(root, '.astro/collections/collections.json'), 'utf8')).toBe(map);
    for (const text of [...first, map]) expect(text.endsWith('}\n')).toBe(true);
  });

  describe('a bad --out-dir is a usage error, and nothing is written', () => {
    const usage = async (out: string) => {
      const root = makeTree();
      const error = await schema(root, { 'out-dir': out }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'UsageError' });
      expect(existsSync(join(root, '.astro'))).toBe(false);
      expect(existsSync(join(root, OUT))).toBe(false);
      return (error as Error).message;
    };

    test('a file', async () => {
      expect(await usage('content/site.yaml')).toMatchInlineSnapshot(
        `"--out-dir \`content/site.yaml\` is a file; pass a folder for the schema files, e.g. --out-dir .throughline/schema"`,
      );
    });

    test('a folder inside content/', async () => {
      expect(await usage('content/schema')).toMatchInlineSnapshot(
        `"--out-dir \`content/schema\` is inside content/, where every file must be content; pass a folder for the schema files, e.g. --out-dir .throughline/schema"`,
      );
    });

    test('empty', async () => {
      expect(await usage('')).toMatchInlineSnapshot(
        `"--out-dir is empty; pass a folder for the schema files, e.g. --out-dir .throughline/schema"`,
      );
    });
  });
});
