import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/export.ts';
import { parseAddedLog } from '../../src/cli/git.ts';
import { ExportSchema } from '../../src/core/export/export-schema.ts';
import { git, itemText, makeTree, type TreeOptions } from '../helpers.ts';
import { invoke, testContext } from './context.ts';

const H1 = 'content/accomplishments/2026-h1';
/** Zero-width spaces made visible: the export breaks `#12` and `@name` so no viewer links them. */
const zw = (text: string) => text.replaceAll('\u200B', '⟨zwsp⟩');
const OTHERS_SECRET = 'Quietly fixed the payroll export';

/**
 * The base fixture (Ana co-authors Ben's CI item; Ben has a private item) plus: an older cycle with
 * one of Ana's items, Ana's own private item, a private item Cleo and Ana wrote together, a draft,
 * an item in Ana's `.personal/` folder, and Cleo's own private item, which must never reach Ana's
 * export.
 */
const RECORD: TreeOptions = {
  files: {
    'content/cycles/2026-h1.md':
      '---\nname: H1 2026\nstart: 2026-01-01\nend: 2026-06-30\ndue: 2026-07-10\nsubmissions:\n  min: 1\n  max: 5\n---\n',
    'content/cycles/2025-h2.md': '---\nname: H2 2025\nstart: 2025-07-01\nend: 2025-12-31\nsubmissions:\n  min: 0\n  max: 3\n---\n',
    'content/accomplishments/2025-h2/old-win.md': itemText({
      title: 'Moved the docs to one place',
      cycle: '2025-h2',
      date: '2025-09-01',
      goals: [],
      unplanned: 'Nobody could find the runbook.',
      tags: ['docs'],
    }),
    [`${H1}/quiet-fix.md`]: itemText({ title: 'Fixed the flaky deploy', authors: ['ana'], date: '2026-04-02', visibility: 'private' }),
    [`${H1}/half-done.md`]: itemText({ title: 'Half-done dashboard', authors: ['ana'], date: '2026-05-01', draft: true }),
    [`${H1}/pair-private.md`]: itemText({
      title: 'Paired on the salary bands',
      authors: ['cleo', 'ana'],
      date: '2026-02-10',
      visibility: 'private',
    }),
    [`${H1}/cleo-secret.md`]: itemText({
      title: OTHERS_SECRET,
      authors: ['cleo'],
      visibility: 'private',
      goals: [],
      unplanned: 'Payroll.',
    }),
    'content/.personal/accomplishments/2026-h1/side-notes.md': itemText({
      title: 'Mentored two new hires',
      authors: ['ana'],
      date: '2026-06-01',
      visibility: 'private',
      goals: [],
      unplanned: 'They asked.',
    }),
  },
};

async function run(args: string[], root = makeTree(undefined, RECORD)) {
  const ctx = testContext(root);
  const code = await invoke(command, args, ctx);
  return { code, out: ctx.out(), err: ctx.err(), root };
}

describe('throughline export', () => {
  it("writes a person's whole record as Markdown: every cycle, newest first, their private, draft and personal items", async () => {
    const result = await run(['--person', 'ana']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).not.toContain(OTHERS_SECRET);
    expect(result.out).not.toContain('Remote build cache');
    expect(zw(result.out)).toMatchInlineSnapshot(`
      "<!-- throughline export -->

      # Ana Silva: accomplishments

      Exported on 2026-11-27 by \`throughline export --person ana\`: 6 items in 2 cycles, every visibility, drafts and \`content/.personal/\` included. Private items are in it: share this file with care.

      Commits: unknown: not read from a git repository.

      ## H1 2026 (\`2026-h1\`), 2026-01-01 to 2026-06-30

      ### Mentored two new hires

      A summary.

      - 2026-06-01 · outcome: delivered · visibility: private · personal, in \`content/.personal/\`
      - Authors: Ana Silva
      - Unplanned: They asked.
      - Evidence: [PR \\#⟨zwsp⟩1](https://github.com/example/app/pull/1)
      - File: \`content/.personal/accomplishments/2026-h1/side-notes.md\`
      - Commit: none: a personal file stays on this machine

      \`\`\`markdown
      ## Impact

      It helped.
      \`\`\`

      ### Half-done dashboard

      A summary.

      - 2026-05-01 · outcome: delivered · visibility: team · draft
      - Authors: Ana Silva
      - Goal: Halve CI time (\`ci-speed\`)
      - Evidence: [PR \\#⟨zwsp⟩1](https://github.com/example/app/pull/1)
      - File: \`content/accomplishments/2026-h1/half-done.md\`
      - Commit: unknown

      \`\`\`markdown
      ## Impact

      It helped.
      \`\`\`

      ### Fixed the flaky deploy

      A summary.

      - 2026-04-02 · outcome: delivered · visibility: private
      - Authors: Ana Silva
      - Goal: Halve CI time (\`ci-speed\`)
      - Evidence: [PR \\#⟨zwsp⟩1](https://github.com/example/app/pull/1)
      - File: \`content/accomplishments/2026-h1/quiet-fix.md\`
      - Commit: unknown

      \`\`\`markdown
      ## Impact

      It helped.
      \`\`\`

      ### Cut median CI time from 20 to 14 minutes

      Sharded the test job four ways.

      - 2026-03-12 · outcome: delivered · visibility: team
      - Authors: Ben Carter (lead), Ana Silva
      - Goal: Halve CI time (\`ci-speed\`) › Median CI time (\`ci-p50\`): Sharding saved six minutes.
      - Impact: Median CI time, 20 → 14 min (\`ci-p50\`)
      - Evidence: [PR \\#⟨zwsp⟩12](https://github.com/example/app/pull/12)
      - File: \`content/accomplishments/2026-h1/cut-ci-time.md\`
      - Commit: unknown

      \`\`\`markdown
      ## Impact

      Six minutes saved on every push.
      \`\`\`

      ### Paired on the salary bands

      A summary.

      - 2026-02-10 · outcome: delivered · visibility: private
      - Authors: Cleo Park (lead), Ana Silva
      - Goal: Halve CI time (\`ci-speed\`)
      - Evidence: [PR \\#⟨zwsp⟩1](https://github.com/example/app/pull/1)
      - File: \`content/accomplishments/2026-h1/pair-private.md\`
      - Commit: unknown

      \`\`\`markdown
      ## Impact

      It helped.
      \`\`\`

      ## H2 2025 (\`2025-h2\`), 2025-07-01 to 2025-12-31

      ### Moved the docs to one place

      A summary.

      - 2025-09-01 · outcome: delivered · visibility: team
      - Authors: Ana Silva
      - Unplanned: Nobody could find the runbook.
      - Evidence: [PR \\#⟨zwsp⟩1](https://github.com/example/app/pull/1)
      - Tags: \`docs\`
      - File: \`content/accomplishments/2025-h2/old-win.md\`
      - Commit: unknown

      \`\`\`markdown
      ## Impact

      It helped.
      \`\`\`
      "
    `);
  });

  it('writes the same record as versioned JSON that its schema accepts', async () => {
    const result = await run(['--person', 'ana', '--format', 'json']);
    expect(result.code).toBe(0);
    const data = ExportSchema.parse(JSON.parse(result.out));
    expect(result.out).not.toContain(OTHERS_SECRET);
    expect(data.cycles.map((c) => [c.id, c.items.map((i) => [i.id, i.visibility, i.draft, i.personal])])).toMatchInlineSnapshot(`
      [
        [
          "2026-h1",
          [
            [
              "2026-h1/side-notes",
              "private",
              false,
              true,
            ],
            [
              "2026-h1/half-done",
              "team",
              true,
              false,
            ],
            [
              "2026-h1/quiet-fix",
              "private",
              false,
              false,
            ],
            [
              "2026-h1/cut-ci-time",
              "team",
              false,
              false,
            ],
            [
              "2026-h1/pair-private",
              "private",
              false,
              false,
            ],
          ],
        ],
        [
          "2025-h2",
          [
            [
              "2025-h2/old-win",
              "team",
              false,
              false,
            ],
          ],
        ],
      ]
    `);
    expect({ ...data, cycles: data.cycles.length }).toMatchInlineSnapshot(`
      {
        "commits": "not-a-repository",
        "cycles": 2,
        "exported": "2026-11-27",
        "exportedBy": "throughline export",
        "leftOut": 0,
        "person": {
          "id": "ana",
          "name": "Ana Silva",
          "role": "Engineering Manager",
        },
        "schemaVersion": 1,
      }
    `);
    expect(data.cycles[0]!.items.find((i) => i.id === '2026-h1/cut-ci-time')).toMatchInlineSnapshot(`
      {
        "authors": [
          {
            "id": "ben",
            "name": "Ben Carter",
          },
          {
            "id": "ana",
            "name": "Ana Silva",
          },
        ],
        "body": "## Impact

      Six minutes saved on every push.
      ",
        "commit": null,
        "cycle": "2026-h1",
        "date": "2026-03-12",
        "draft": false,
        "evidence": [
          {
            "label": "PR #12",
            "url": "https://github.com/example/app/pull/12",
          },
        ],
        "file": "content/accomplishments/2026-h1/cut-ci-time.md",
        "goals": [
          {
            "contribution": "Sharding saved six minutes.",
            "id": "ci-speed",
            "keyResult": {
              "id": "ci-p50",
              "title": "Median CI time",
            },
            "title": "Halve CI time",
          },
        ],
        "id": "2026-h1/cut-ci-time",
        "impact": [
          {
            "after": 14,
            "before": 20,
            "keyResult": "ci-p50",
            "metric": "Median CI time",
            "unit": "min",
          },
        ],
        "outcome": "delivered",
        "personal": false,
        "summary": "Sharded the test job four ways.",
        "tags": [],
        "title": "Cut median CI time from 20 to 14 minutes",
        "unplanned": null,
        "visibility": "team",
      }
    `);
  });

  it('names the commit that added each file, from one git log', async () => {
    const root = makeTree(undefined, RECORD);
    git(root, 'init', '-q', '-b', 'main');
    git(
      root,
      'add',
      '-A',
      'content/cycles',
      'content/people',
      'content/teams',
      'content/goals',
      'content/site.yaml',
      `${H1}/cut-ci-time.md`,
    );
    git(root, 'commit', '-qm', 'first', '--date', '2026-03-12T10:00:00Z');
    git(root, 'add', '-A', 'content/accomplishments');
    git(root, 'commit', '-qm', 'second', '--date', '2026-04-03T10:00:00Z');
    const [first, second] = git(root, 'log', '--format=%H', '--reverse').trim().split('\n');
    const commitLines = (out: string) => out.split('\n').filter((line) => line.startsWith('### ') || line.startsWith('- Commit'));
    const result = await run(['--person', 'ana'], root);
    expect(commitLines(result.out.replaceAll(first!.slice(0, 12), 'FIRST').replaceAll(second!.slice(0, 12), 'SECOND')))
      .toMatchInlineSnapshot(`
      [
        "### Mentored two new hires",
        "- Commit: none: a personal file stays on this machine",
        "### Half-done dashboard",
        "- Commit: \`SECOND\` on 2026-04-03",
        "### Fixed the flaky deploy",
        "- Commit: \`SECOND\` on 2026-04-03",
        "### Cut median CI time from 20 to 14 minutes",
        "- Commit: \`FIRST\` on 2026-03-12",
        "### Paired on the salary bands",
        "- Commit: \`SECOND\` on 2026-04-03",
        "### Moved the docs to one place",
        "- Commit: \`SECOND\` on 2026-04-03",
      ]
    `);
  });

  it('takes the latest commit that added a path, when a file was removed and added again', () => {
    const log =
      '\0bbb 2026-05-01\n\ncontent/accomplishments/2026-h1/a.md\n\0aaa 2026-01-01\n\ncontent/accomplishments/2026-h1/a.md\ncontent/accomplishments/2026-h1/b.md\n';
    expect(Object.fromEntries(parseAddedLog(log))).toMatchInlineSnapshot(`
      {
        "content/accomplishments/2026-h1/a.md": {
          "date": "2026-05-01",
          "hash": "bbb",
        },
        "content/accomplishments/2026-h1/b.md": {
          "date": "2026-01-01",
          "hash": "aaa",
        },
      }
    `);
  });

  it('says commits are unknown in a shallow clone, where the oldest commit seems to add everything', async () => {
    const origin = makeTree(undefined, RECORD);
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-qm', 'first');
    writeFileSync(join(origin, 'later.txt'), 'later\n');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-qm', 'second');
    const clone = join(makeTree(), 'clone');
    git(origin, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const result = await run(['--person', 'ana', '--format', 'json'], clone);
    const data = ExportSchema.parse(JSON.parse(result.out));
    expect(data.commits).toBe('shallow');
    expect(data.cycles.flatMap((c) => c.items.map((i) => i.commit))).toEqual([null, null, null, null, null, null]);
  });

  it('says commits are unknown outside git', async () => {
    const result = await run(['--person', 'ana', '--format', 'json']);
    const data = ExportSchema.parse(JSON.parse(result.out));
    expect(data.commits).toBe('not-a-repository');
    expect(result.out).toContain('"commit": null');
    const md = await run(['--person', 'ana']);
    expect(md.out).toContain('Commits: unknown: not read from a git repository.');
    expect(md.out).toContain('- Commit: unknown');
  });

  it('--out writes the file, replaces its own earlier export, and refuses any other file', async () => {
    const root = makeTree(undefined, RECORD);
    const first = await run(['--person', 'ana', '--out', 'record.md'], root);
    expect(first.code).toBe(0);
    expect(first.out).toMatchInlineSnapshot(`
      "Wrote 6 items to record.md
      "
    `);
    expect(readFileSync(join(root, 'record.md'), 'utf8')).toMatch(/^<!-- throughline export -->\n/);
    // An earlier export, in either format, is the command's own file.
    const again = await run(['--person', 'ana', '--format', 'json', '--out', 'record.md'], root);
    expect(again.code).toBe(0);
    expect(ExportSchema.parse(JSON.parse(readFileSync(join(root, 'record.md'), 'utf8'))).person.id).toBe('ana');

    writeFileSync(join(root, 'notes.md'), '# My own notes\n');
    const refused = await run(['--person', 'ana', '--out', 'notes.md'], root);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatchInlineSnapshot(`
      "throughline: --out \`notes.md\` exists and was not written by \`throughline export\`; nothing was written: choose another FILE, or move that one away yourself
      "
    `);
    expect(refused.out).toBe('');
    expect(readFileSync(join(root, 'notes.md'), 'utf8')).toBe('# My own notes\n');

    const inContent = await run(['--person', 'ana', '--out', 'content/record.md'], root);
    expect(inContent.code).toBe(2);
    expect(inContent.err).toMatchInlineSnapshot(`
      "throughline: --out \`content/record.md\` is inside \`content/\`, which holds only content; write the export outside it
      "
    `);
  });

  it('--out warns when the file lands where git would commit it', async () => {
    const root = makeTree(undefined, RECORD);
    git(root, 'init', '-q', '-b', 'main');
    const shared = await run(['--person', 'ana', '--out', 'record.md'], root);
    expect(shared.code).toBe(0);
    expect(shared.err).toMatchInlineSnapshot(`
      "\`record.md\` is in the repository and git does not ignore it; it holds private items, so never commit it: write it outside the repository, or add it to .gitignore
      "
    `);
    writeFileSync(join(root, '.gitignore'), 'record.md\n');
    const ignored = await run(['--person', 'ana', '--out', 'record.md'], root);
    expect(ignored.err).toBe('');
  });

  it('refuses an unknown person with a suggestion, and an unknown format', async () => {
    const person = await run(['--person', 'anaa']);
    expect(person.code).toBe(2);
    expect(person.err).toMatchInlineSnapshot(`
      "throughline: unknown --person \`anaa\`, expected the id of a file in \`content/people/\` (did you mean \`ana\`?)
      "
    `);
    const format = await run(['--person', 'ana', '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.err).toMatchInlineSnapshot(`
      "throughline: unknown --format \`pdf\`; expected one of md, json
      "
    `);
  });

  it('exports what parses and says on stderr how many files were left out', async () => {
    const root = makeTree(undefined, { files: { ...RECORD.files, [`${H1}/broken.md`]: itemText({ authors: ['ana'], outcome: 'done' }) } });
    const result = await run(['--person', 'ana'], root);
    expect(result.code).toBe(0);
    expect(result.err).toMatchInlineSnapshot(`
      "1 error in content; 1 file fails the schema and is left out of this export; run \`npm run check\` for details
      "
    `);
    expect(result.out).toContain('1 content file failed the schema and is not in it.');
  });
});
