import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/status.ts';
import { displayWidth } from '../../src/cli/format/status-table.ts';
import { itemText, makeTree, type TreeOptions } from '../helpers.ts';
import { invoke, testContext, type TestContext } from './context.ts';

const ITEMS = 'content/accomplishments/2026-h1';

/** Zero-width spaces made visible, so snapshots show where mentions and links are broken. */
const zw = (text: string) => text.replaceAll('\u200B', '⟨zwsp⟩');
// Before the due date: people short of the minimum get a reminder, not an error.
const TODAY = '2026-06-20';
const SECRET = 'Quietly fixed the payroll export';

/**
 * The base fixture plus: a CJK name, a draft, a team item and a private item with no evidence, a
 * goal nobody moved.
 */
const TEAM: TreeOptions = {
  files: {
    'content/people/wang.md': '---\nname: 王芳\nrole: Engineer\nteam: core\n---\n',
    [`${ITEMS}/wiki.md`]: itemText({ title: 'Moved the wiki', authors: ['ben'], outcome: 'partial', evidence: [] }),
    [`${ITEMS}/draft.md`]: itemText({ title: 'Half-done thing', authors: ['cleo'], draft: true }),
    [`${ITEMS}/secret.md`]: itemText({ title: SECRET, authors: ['cleo', 'ana'], visibility: 'private', goals: [], unplanned: 'Payroll.' }),
    'content/goals/docs.md':
      '---\ntitle: Write the runbook\nowner: ana\nteam: core\ncycle: 2026-h1\nstatus: at-risk\nkey_results:\n  - {id: pages, title: Runbook pages, unit: pages, baseline: 0, target: 20, current: 4}\n---\n',
  },
};

async function status(args: string[], options: TreeOptions = TEAM, context: Partial<TestContext> = {}) {
  const ctx = testContext(makeTree(undefined, options), { today: TODAY, ...context });
  const code = await invoke(command, args, ctx);
  return { code, out: ctx.out(), err: ctx.err() };
}

describe('throughline status', () => {
  it('shows the cycle open today by default, as an aligned table', async () => {
    const result = await status([]);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatchInlineSnapshot(`
      "H1 2026 (2026-h1)
      2026-01-01 to 2026-06-30 · due 2026-07-10, 20 days left
      1–3 items per person · 5 items so far

      People
        Name        Items     State
        Ana Silva   2 of 1–3  ok
        Ben Carter  3 of 1–3  ok
        Cleo Park   2 of 1–3  ok, +1 draft
        王芳        0 of 1–3  needs 1 more

      Goals no item moves
        Write the runbook (docs)

      Key results no item names
        Write the runbook (docs) → Runbook pages (pages)

      Items with no evidence
        Moved the wiki  content/accomplishments/2026-h1/wiki.md
        and 1 private item

      Over-claimed key results
        none
      "
    `);
  });

  it('shows who is exempt from the minimum, never why; reminds everyone else at any time', async () => {
    const h1 =
      '---\nname: H1 2026\nstart: 2026-01-01\nend: 2026-06-30\ndue: 2026-07-10\nsubmissions:\n  min: 3\n  max: 5\nexempt:\n  - { person: cleo, reason: on parental leave }\n---\n';
    const files = {
      'content/cycles/2026-h1.md': h1,
      'content/people/dana.md': '---\nname: Dana Lee\nrole: Engineer\nteam: core\njoined: 2026-05-01\n---\n',
    };
    // 20 days before the due date: outside the check's 14-day reminder window, status still says who needs more.
    const table = await status([], { files });
    expect(table.out.split('\n').slice(4, 10).join('\n')).toMatchInlineSnapshot(`
      "People
        Name        Items     State
        Ana Silva   1 of 3–5  needs 2 more
        Ben Carter  2 of 3–5  needs 1 more
        Cleo Park   1 of 3–5  exempt
        Dana Lee    0 of 3–5  exempt"
    `);
    expect(table.out).not.toContain('parental');
    const json = await status(['--format', 'json'], { files });
    expect((JSON.parse(json.out) as { people: { id: string; exempt: boolean; state: string }[] }).people).toMatchInlineSnapshot(`
      [
        {
          "drafts": 0,
          "exempt": false,
          "id": "ana",
          "items": 1,
          "name": "Ana Silva",
          "state": "below",
        },
        {
          "drafts": 0,
          "exempt": false,
          "id": "ben",
          "items": 2,
          "name": "Ben Carter",
          "state": "below",
        },
        {
          "drafts": 0,
          "exempt": true,
          "id": "cleo",
          "items": 1,
          "name": "Cleo Park",
          "state": "within",
        },
        {
          "drafts": 0,
          "exempt": true,
          "id": "dana",
          "items": 0,
          "name": "Dana Lee",
          "state": "within",
        },
      ]
    `);
    expect((await status(['--format', 'markdown'], { files })).out).not.toContain('parental');
  });
  it('keeps columns aligned for wide names', async () => {
    const { out } = await status([]);
    const rows = out.split('\n').filter((line) => / of 1–3 /.test(line));
    // Two spaces, the longest name (Ben Carter), two spaces, the count.
    expect(rows.map((row) => displayWidth(row.slice(0, row.indexOf(' of 1–3'))))).toEqual(rows.map(() => 2 + 10 + 2 + 1));
    expect(['王芳', 'Zoë', '👩‍💻 Dev', 'e\u0301'].map(displayWidth)).toEqual([4, 3, 6, 1]);
  });

  it('defaults to the cycle open today; --cycle picks another', async () => {
    const tree: TreeOptions = {
      files: {
        'content/cycles/2026-h2.md': '---\nname: H2 2026\nstart: 2026-07-01\nend: 2026-12-31\nsubmissions: {min: 2, max: 4}\n---\n',
      },
    };
    const november = { today: '2026-11-27' };
    expect((await status([], tree, november)).out.split('\n').slice(0, 3)).toMatchInlineSnapshot(`
      [
        "H2 2026 (2026-h2)",
        "2026-07-01 to 2026-12-31 · due 2026-12-31, 34 days left",
        "2–4 items per person · 0 items so far",
      ]
    `);
    expect((await status(['--cycle', '2026-h1'], tree, november)).out.split('\n').slice(0, 3)).toMatchInlineSnapshot(`
      [
        "H1 2026 (2026-h1)",
        "2026-01-01 to 2026-06-30 · was due 2026-07-10, 140 days ago",
        "1–3 items per person · 3 items so far",
      ]
    `);
  });

  it('lists people alphabetically by name, not by count or id', async () => {
    const { out } = await status(['--cycle', '2026-h1'], {
      files: {
        'content/people/aaron.md': '---\nname: Zed Young\nrole: Engineer\nteam: core\n---\n',
        [`${ITEMS}/z1.md`]: itemText({ authors: ['aaron'] }),
        [`${ITEMS}/z2.md`]: itemText({ authors: ['aaron'] }),
        [`${ITEMS}/z3.md`]: itemText({ authors: ['aaron'] }),
      },
    });
    expect(out.split('\n').filter((line) => line.includes(' of 1–3'))).toMatchInlineSnapshot(`
      [
        "  Ana Silva   1 of 1–3  ok",
        "  Ben Carter  2 of 1–3  ok",
        "  Cleo Park   1 of 1–3  ok",
        "  Zed Young   3 of 1–3  ok",
      ]
    `);
  });

  it('markdown: GitHub tables, user text escaped, private items only counted', async () => {
    const { out, code } = await status(['--format', 'markdown'], {
      files: {
        ...TEAM.files,
        'content/people/mallory.md': '---\nname: "<img src=x> @core/leads | [me](https://evil.example)"\nrole: Engineer\nteam: core\n---\n',
      },
    });
    expect(code).toBe(0);
    expect(zw(out)).toMatchInlineSnapshot(`
      "## H1 2026 (\`2026-h1\`)

      2026-01-01 to 2026-06-30 · due 2026-07-10, 20 days left · 1–3 items per person · 5 items so far

      ### People

      | Person | Items | State |
      | --- | --- | --- |
      | &lt;img src=x&gt; @⟨zwsp⟩core/leads \\| \\[me\\](https:⟨zwsp⟩//evil.example) | 0 of 1–3 | needs 1 more |
      | Ana Silva | 2 of 1–3 | ok |
      | Ben Carter | 3 of 1–3 | ok |
      | Cleo Park | 2 of 1–3 | ok, +1 draft |
      | 王芳 | 0 of 1–3 | needs 1 more |

      ### Goals no item moves

      - Write the runbook (\`docs\`)

      ### Key results no item names

      - Write the runbook (\`docs\`) → Runbook pages (\`pages\`)

      ### Items with no evidence

      - Moved the wiki · \`content/accomplishments/2026-h1/wiki.md\`
      - and 1 private item

      ### Over-claimed key results

      None.
      "
    `);
    const html = markdownToHtml(out, { features: { math: true } }).html;
    expect(html).not.toMatch(/<img|<a /);
    expect(html).toContain('<td>&lt;img src=x&gt; @\u200Bcore/leads | [me](https:\u200B//evil.example)</td>');
  });

  it('json: a versioned shape; private items counted, never named', async () => {
    const { out } = await status(['--format', 'json']);
    const data = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(data)).toMatchInlineSnapshot(`
      [
        "version",
        "today",
        "cycle",
        "people",
        "goalsWithoutItems",
        "keyResultsWithoutItems",
        "itemsWithoutEvidence",
        "overClaimed",
        "contentErrors",
      ]
    `);
    expect(data['version']).toBe(1);
    expect(data['itemsWithoutEvidence']).toMatchInlineSnapshot(`
      {
        "items": [
          {
            "file": "content/accomplishments/2026-h1/wiki.md",
            "id": "2026-h1/wiki",
            "title": "Moved the wiki",
          },
        ],
        "private": 1,
      }
    `);
    expect(out).not.toContain(SECRET);
  });

  it('never shows a private item in any format', async () => {
    for (const format of ['table', 'markdown', 'json']) expect((await status(['--format', format])).out).not.toContain(SECRET);
  });

  it('still reports when the content has errors, with a note on stderr, and exits 0', async () => {
    const result = await status([], {
      files: { ...TEAM.files, [`${ITEMS}/broken.md`]: itemText({ title: 'Broken', authors: ['ben'], outcome: 'shipped' }) },
    });
    expect(result.code).toBe(0);
    expect(result.err).toMatchInlineSnapshot(`
      "1 error in content; 1 file fails the schema and is left out of these numbers; run \`npm run check\` for details
      "
    `);
    expect(result.out).toContain('Ben Carter  3 of 1–3  ok');
  });

  it('exits 2 with one line for an unknown cycle or format', async () => {
    const lines = [];
    for (const args of [
      ['--cycle', '2026-h3'],
      ['--cycle', 'h1'],
      ['--format', 'markdwon'],
    ]) {
      const result = await status(args);
      expect(result).toMatchObject({ code: 2, out: '' });
      lines.push(result.err);
    }
    expect(lines).toMatchInlineSnapshot(`
      [
        "throughline: unknown --cycle \`2026-h3\`; did you mean \`2026-h1\`? the cycles are: 2026-h1
      ",
        "throughline: unknown --cycle \`h1\`; the cycles are: 2026-h1
      ",
        "throughline: unknown --format \`markdwon\`; expected one of table, markdown, json (did you mean \`markdown\`?)
      ",
      ]
    `);
  });

  it('exits 1 when the cycle asked for has errors of its own', async () => {
    const result = await status(['--cycle', '2026-h2'], {
      files: { 'content/cycles/2026-h2.md': '---\nname: H2 2026\nstart: 2026-07-01\nend: someday\n---\n' },
    });
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatchInlineSnapshot(`
      "throughline: cycle \`2026-h2\` has errors; run \`npm run check\` to see them
      "
    `);
  });

  it('colours only a terminal, and never with NO_COLOR', async () => {
    expect((await status([], TEAM, { stdoutIsTTY: true })).out).toContain('\u001B[');
    expect((await status([], TEAM, { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain('\u001B[');
  });
});
