import { NEW_QUESTIONS } from '../../src/cli/new-questions.ts';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseOptions, type CommandContext } from '../../src/cli/command.ts';
import { command } from '../../src/cli/commands/new.ts';
import { command as schemaCommand } from '../../src/cli/commands/schema.ts';
import { UsageError } from '../../src/core/diagnostics/errors.ts';
import { readEntry } from '../../src/core/read/read-entry.ts';
import { AccomplishmentSchema } from '../../src/schema/index.ts';
import { check, git, makeTree, runCli } from '../helpers.ts';
import { testContext } from './context.ts';

/**
 * What the check says of a tree after `new`, besides what every new item has until it is filled
 * in (the prompts, `template-text`; the missing links, `no-evidence`): nothing, when it is valid.
 */
function leftToFill(root: string): string[] {
  const report = JSON.parse(check(root, { format: 'json' }).stdout) as { diagnostics: { file?: string; rule: string }[] };
  return report.diagnostics.filter((d) => d.rule !== 'template-text' && d.rule !== 'no-evidence').map((d) => `${d.file ?? ''} ${d.rule}`);
}

/** Options parsed the way the dispatcher parses them, so `--no-input` and repeats behave as for users. */
function parse(args: readonly string[]) {
  return parseOptions(command.options, args).values;
}

async function runNew(root: string, args: readonly string[], overrides: Partial<CommandContext> = {}) {
  const ctx = testContext(root, overrides);
  const code = await command.run(parse(args), ctx);
  return { code, out: ctx.out(), err: ctx.err() };
}

/** The usage error's one line, or a failure when the call did not throw one. */
async function usageError(root: string, args: readonly string[], overrides: Partial<CommandContext> = {}): Promise<string> {
  try {
    await runNew(root, args, overrides);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** Every file under content/ with its text: to show a run left the tree exactly as it was. */
function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        out[`${path}/`] = '';
        walk(path);
      } else out[path] = read(root, path);
    }
  };
  walk('content');
  return out;
}

type Answers = Record<string, string | string[]>;

const COMPLETE: Answers = {
  author: ['ben', 'ana'],
  title: 'Cache dependencies between CI runs',
  summary: 'A warm dependency cache saves two minutes on every push.',
  goal: ['ci-speed:ci-p50'],
  outcome: 'delivered',
  visibility: 'team',
};

/** The answers without some of them. */
function without(answers: Answers, ...names: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !names.includes(name)));
}

/** `--no-input` and one option per answer; repeated options for lists. */
function flags(answers: Answers, input = false): string[] {
  const out = input ? [] : ['--no-input'];
  for (const [name, value] of Object.entries(answers)) for (const v of [value].flat()) out.push(`--${name}`, v);
  return out;
}

// A second cycle, open on TODAY (2026-11-27), with no folder of items yet.
const H2 = {
  'content/cycles/2026-h2.md': '---\nname: H2 2026\nstart: 2026-07-01\nend: 2026-12-31\nsubmissions:\n  min: 0\n  max: 3\n---\n',
  'content/goals/h2-reliability.md':
    '---\ntitle: Fewer pages at night\nowner: ana\nteam: core\ncycle: 2026-h2\nstatus: on-track\nkey_results:\n  - id: pages\n    title: Night pages a week\n    unit: pages\n    baseline: 9\n    target: 2\n    current: 5\n---\n',
};

describe('new --no-input', () => {
  it('writes an item that passes the check, and says what to do next', async () => {
    const root = makeTree();
    const result = await runNew(root, flags(COMPLETE));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatchInlineSnapshot(`
      "Created content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md

      Next steps:
        1. Edit it: fill in the sections, and add impact and evidence.
        2. Check it: npm run check
        3. Send it for review:
             git switch -c cache-dependencies-between-ci-runs
             git add content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md
             git commit -m "Add Cache dependencies between CI runs"
             git push -u origin HEAD
           then open a pull request.
      "
    `);
    expect(read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md')).toMatchInlineSnapshot(`
      "---
      title: Cache dependencies between CI runs
      summary: A warm dependency cache saves two minutes on every push.
      authors: [ben, ana]
      cycle: 2026-h1
      date: 2026-06-30
      goals:
        - goal: ci-speed
          key_result: ci-p50
      outcome: delivered
      impact: [] # e.g. [{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: min}]
      evidence: [] # e.g. [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]
      tags: [] # e.g. [ci, caching]
      visibility: team
      draft: false # true keeps it out of the site and the counts while you work on it
      ---
      ## Context

      _What was the situation, and why did it matter?_

      ## What we did

      _What did you do? The key steps and decisions, and who did what._

      ## Impact

      _What changed, and for whom? Numbers where you have them, also under \`impact:\` above._

      ## What we learned

      _What would you keep, and what would you do differently?_
      "
    `);
    // Untouched, it fails the check at each prompt: the sections are still to be written.
    expect(leftToFill(root)).toEqual([]);
    expect(check(root).stdout).toMatchInlineSnapshot(`
      "content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md:12:1 warning no-evidence No \`evidence\` for an item with \`outcome: delivered\`, expected at least one link that shows the work
        hint: add \`evidence: [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]\`: a pull request, a dashboard or a document
          11 | impact: [] # e.g. [{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: min}]
        > 12 | evidence: [] # e.g. [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]
             | ^^^^^^^^^^^^
          13 | tags: [] # e.g. [ci, caching]

      content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md:19:1 error template-text The prompt written by \`npm run new\` is still in the body, expected your own words
        hint: answer the question in a sentence or two in place of the prompt, or remove the section if it is not required
          18 |
        > 19 | _What was the situation, and why did it matter?_
             | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          20 |

      content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md:23:1 error template-text The prompt written by \`npm run new\` is still in the body, expected your own words
        hint: answer the question in a sentence or two in place of the prompt, or remove the section if it is not required
          22 |
        > 23 | _What did you do? The key steps and decisions, and who did what._
             | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          24 |

      content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md:27:1 error template-text The prompt written by \`npm run new\` is still in the body, expected your own words
        hint: answer the question in a sentence or two in place of the prompt, or remove the section if it is not required
          26 |
        > 27 | _What changed, and for whom? Numbers where you have them, also under \`impact:\` above._
             | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          28 |

      content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md:31:1 error template-text The prompt written by \`npm run new\` is still in the body, expected your own words
        hint: answer the question in a sentence or two in place of the prompt, or remove the section if it is not required
          30 |
        > 31 | _What would you keep, and what would you do differently?_
             | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          32 |

      ✖ 4 errors and 1 warning in 1 file (12 files checked)
      "
    `);
  });

  it('writes the short goal form without key results, and an unplanned item without goals', async () => {
    const root = makeTree();
    await runNew(root, flags({ ...COMPLETE, author: 'ana', goal: ['ci-speed', 'ship-faster'], outcome: 'partial', visibility: 'public' }));
    const planned = read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md');
    expect(planned).toContain('\ngoals: [ci-speed, ship-faster]\noutcome: partial\n');
    const rest = without(COMPLETE, 'goal');
    await runNew(root, flags({ ...rest, author: 'cleo', slug: 'support-fix', unplanned: 'Support: 40 tickets a week', outcome: 'missed' }));
    const unplanned = read(root, 'content/accomplishments/2026-h1/support-fix.md');
    expect(unplanned).toContain('\ndate: 2026-06-30\nunplanned: "Support: 40 tickets a week"\noutcome: missed\n');
    expect(unplanned).not.toContain('goals:');
    expect(leftToFill(root)).toEqual([]);
  });

  it('defaults to the open cycle and today, and creates the cycle’s folder', async () => {
    const root = makeTree(undefined, { files: H2 });
    const rest = without(COMPLETE, 'goal');
    const result = await runNew(root, flags({ ...rest, unplanned: 'Nobody else could.' }));
    expect(result.code).toBe(0);
    const text = read(root, 'content/accomplishments/2026-h2/cache-dependencies-between-ci-runs.md');
    expect(text).toContain('\ncycle: 2026-h2\ndate: 2026-11-27\nunplanned: Nobody else could.\n');
    expect(leftToFill(root)).toEqual([]);
  });

  it('takes the cycle from --goal when --cycle is not given', async () => {
    const root = makeTree(undefined, { files: H2 });
    expect((await runNew(root, flags(COMPLETE))).code).toBe(0);
    expect(read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md')).toContain(
      '\ncycle: 2026-h1\ndate: 2026-06-30\n',
    );
  });

  it('writes hostile titles and summaries so that they read back exactly', async () => {
    const root = makeTree();
    const title = '#1: "yes" — *not* an alias, & not: a map';
    const summary = "no\t'quoted' \\ back\\slash: 1e3 # not a comment";
    const result = await runNew(root, flags({ ...COMPLETE, title, summary }));
    expect(result.code).toBe(0);
    const text = read(root, 'content/accomplishments/2026-h1/1-yes-not-an-alias-and-not-a-map.md');
    expect(text.split('\n').slice(1, 3)).toMatchInlineSnapshot(`
      [
        "title: "#1: \\"yes\\" — *not* an alias, & not: a map"",
        "summary: "no\\t'quoted' \\\\ back\\\\slash: 1e3 # not a comment"",
      ]
    `);
    const entry = readEntry(text);
    expect(entry.ok && entry.data).toMatchObject({ title, summary });
    expect(leftToFill(root)).toEqual([]);
  });

  it('refuses a line break in the title or the summary, as the check would', async () => {
    const message = await usageError(makeTree(), flags({ ...COMPLETE, title: 'Cut CI\ntime', summary: 'Sharded\u2028the tests.' }));
    expect(message).toMatchInlineSnapshot(
      `"--title has a line break, expected one line; --summary has a line break, expected one line — see \`throughline new --help\`"`,
    );
  });

  it('adds the headings site.yaml requires, and the new item passes that rule', async () => {
    const site = read(makeTree(), 'content/site.yaml');
    const root = makeTree(undefined, { files: { 'content/site.yaml': `${site}sections: [Impact, Risks]\n` } });
    const result = await runNew(root, flags(COMPLETE));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Created /);
    const text = read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md');
    expect(text.match(/^## .*/gm)).toEqual(['## Context', '## What we did', '## Impact', '## Risks', '## What we learned']);
    // The older items lack the new section; the new one does not.
    expect(check(root).stdout).toContain('cut-ci-time.md');
    expect(check(root).stdout).not.toMatch(/cache-dependencies.*required-section/);
  });

  it('adds the new file to the editor map, where the editor set-up has been run', async () => {
    const plain = makeTree();
    expect((await runNew(plain, flags(COMPLETE))).code).toBe(0);
    expect(existsSync(join(plain, '.astro/collections/collections.json'))).toBe(false);

    const root = makeTree();
    await schemaCommand.run({ editor: true }, testContext(root));
    expect((await runNew(root, flags(COMPLETE))).code).toBe(0);
    const map = JSON.parse(read(root, '.astro/collections/collections.json')) as { entries: Record<string, string> };
    const mapped = Object.entries(map.entries).filter(([url]) => url.endsWith('/cache-dependencies-between-ci-runs.md'));
    expect(mapped.map(([, schema]) => schema)).toEqual(['throughline-accomplishments']);
  });

  it('puts a private item in content/.personal/, which ignores itself in git', async () => {
    const root = makeTree();
    const result = await runNew(root, flags({ ...COMPLETE, visibility: 'private' }));
    expect(result.code).toBe(0);
    expect(result.out).toMatchInlineSnapshot(`
      "Created content/.personal/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md

      Next steps:
        1. Edit it: fill in the sections, and add impact and evidence.
        2. Check it: npm run check
        3. Build your own site with it: npm run build -- --audience private (into dist-private/)
        It is in content/.personal/, which git ignores, so it stays on this machine: your own
        checks and private builds read it; shared builds, CI and everyone else never see it.
      "
    `);
    expect(read(root, 'content/.personal/.gitignore')).toContain('\n*\n');
    git(root, 'init', '-q');
    expect(git(root, 'status', '--porcelain', '--untracked-files=all')).not.toContain('.personal');
  });

  it('leaves a .gitignore it did not write alone', async () => {
    const root = makeTree(undefined, { files: { 'content/.personal/.gitignore': 'mine\n' } });
    expect((await runNew(root, flags({ ...COMPLETE, visibility: 'private' }))).code).toBe(0);
    expect(read(root, 'content/.personal/.gitignore')).toBe('mine\n');
  });

  it('with --no-personal, puts a private item with the others and says how to keep it out of git', async () => {
    const result = await runNew(makeTree(), [...flags({ ...COMPLETE, visibility: 'private' }), '--no-personal']);
    expect(result.code).toBe(0);
    expect(result.out).toMatchInlineSnapshot(`
      "Created content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md

      Next steps:
        1. Edit it: fill in the sections, and add impact and evidence.
        2. Check it: npm run check
        3. Build your own site with it: npm run build -- --audience private (into dist-private/)
        It is private, so keep it on this machine: do not commit it, since anyone who can read the
        repository could read the file. To keep git from offering it:
             echo "/content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md" >> .git/info/exclude
      "
    `);
  });

  it('refuses to overwrite an existing item', async () => {
    const root = makeTree();
    const before = snapshotTree(root);
    const result = await runNew(root, flags({ ...COMPLETE, slug: 'cut-ci-time' }));
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toMatchInlineSnapshot(`
      "content/accomplishments/2026-h1/cut-ci-time.md exists already; nothing was written.
        hint: choose another file name with --slug NAME
      "
    `);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('shows errors the new item causes, keeps the file and exits 1', async () => {
    // Cleo is at the cycle's maximum of 3 and the due date has passed: a fourth item is an error.
    const item = (slug: string) => ({
      [`content/accomplishments/2026-h1/${slug}.md`]: `---\ntitle: ${slug}\nsummary: Done.\nauthors: [cleo]\ncycle: 2026-h1\ndate: 2026-02-02\nunplanned: Needed.\noutcome: delivered\nvisibility: team\n---\n## Impact\n\nSome.\n`,
    });
    const root = makeTree(undefined, { files: { ...item('one-more'), ...item('two-more') } });
    const result = await runNew(root, flags({ ...COMPLETE, author: 'cleo' }));
    expect(result.code).toBe(1);
    expect(result.out).toMatchInlineSnapshot(`
      "content/people/cleo.md:1:1 error submission-count Cleo Park has 4 accomplishments in cycle \`2026-h1\`, expected at most 3
        hint: merge related items, or mark the least important ones \`draft: true\`
        > 1 | ---
            | ^^^
          2 | name: Cleo Park

      ✖ 1 error and 0 warnings in 1 file (14 files checked)

      Wrote content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md, but the check found errors: fix them, then run \`npm run check\`.
      "
    `);
    expect(existsSync(join(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md'))).toBe(true);
  });

  it('warns when the new item takes its author past the cycle’s maximum before the due date, and still exits 0', async () => {
    const item = (slug: string) => ({
      [`content/accomplishments/2026-h2/${slug}.md`]: `---\ntitle: ${slug}\nsummary: Done.\nauthors: [cleo]\ncycle: 2026-h2\ndate: 2026-08-02\nunplanned: Needed.\noutcome: delivered\nvisibility: team\n---\n## Impact\n\nSome.\n`,
    });
    const root = makeTree(undefined, { files: { ...H2, ...item('one'), ...item('two'), ...item('three') } });
    const result = await runNew(root, flags({ ...COMPLETE, author: 'cleo', goal: 'h2-reliability', date: '2026-09-01' }));
    expect(result.code).toBe(0);
    expect(result.out).toMatchInlineSnapshot(`
      "content/people/cleo.md:1:1 warning submission-count Cleo Park has 4 accomplishments in cycle \`2026-h2\`, expected at most 3
        hint: merge related items, or mark the least important ones \`draft: true\`
        > 1 | ---
            | ^^^
          2 | name: Cleo Park

      ! 0 errors and 1 warning in 1 file (17 files checked)

      Created content/accomplishments/2026-h2/cache-dependencies-between-ci-runs.md

      Next steps:
        1. Edit it: fill in the sections, and add impact and evidence.
        2. Check it: npm run check
        3. Send it for review:
             git switch -c cache-dependencies-between-ci-runs
             git add content/accomplishments/2026-h2/cache-dependencies-between-ci-runs.md
             git commit -m "Add Cache dependencies between CI runs"
             git push -u origin HEAD
           then open a pull request.
      "
    `);
  });
});

describe('usage errors', () => {
  it('lists every missing option at once', async () => {
    expect(await usageError(makeTree(), ['--no-input'])).toMatchInlineSnapshot(
      `"missing --author, --title, --summary, --goal (or --unplanned), --outcome and --visibility, which --no-input needs as options — see \`throughline new --help\`"`,
    );
  });

  it('lists every invalid value at once, with what was meant', async () => {
    const message = await usageError(
      makeTree(),
      flags({
        author: ['bem', 'ana'],
        title: 'x'.repeat(121),
        summary: '   ',
        cycle: '2026-h3',
        goal: ['ci-sped', 'ci-speed:ci-p5'],
        outcome: 'deliverd',
        visibility: 'tema',
        date: '2026-02-30',
        slug: 'Bad_Slug',
      }),
    );
    expect(message.split('; ')).toMatchInlineSnapshot(`
      [
        "--author \`bem\` is not in content/people/ (did you mean \`ben\`?)",
        "--title is 121 characters long, expected at most 120",
        "--summary is empty",
        "--cycle \`2026-h3\` is not in content/cycles/ (did you mean \`2026-h1\`?)",
        "--goal \`ci-sped\` is not in content/goals/ (did you mean \`ci-speed\`?)",
        "--goal \`ci-speed:ci-p5\`: \`ci-p5\` is not a key result of \`ci-speed\`, expected \`ci-p50\`",
        "--outcome \`deliverd\` is not an outcome, expected \`delivered\`, \`partial\`, \`missed\` or \`learning\` (did you mean \`delivered\`?)",
        "--visibility \`tema\` is not a visibility, expected \`public\`, \`team\` or \`private\`",
        "--slug \`Bad_Slug\` is not a file name, expected lowercase letters and digits in words joined by \`-\`, at most 64 characters, such as \`cut-ci-time\`",
        "--date \`2026-02-30\` is not a date, expected YYYY-MM-DD such as 2026-11-27 — see \`throughline new --help\`",
      ]
    `);
  });

  it('checks goals, key results and dates against the cycle', async () => {
    const root = makeTree(undefined, { files: H2 });
    const rest = without(COMPLETE, 'goal');
    expect(
      await usageError(root, flags({ ...rest, cycle: '2026-h1', goal: ['h2-reliability', 'ship-faster:x'], date: '2026-07-01' })),
    ).toMatchInlineSnapshot(
      `"--goal \`ship-faster:x\`: goal \`ship-faster\` has no key results, so write \`--goal ship-faster\`; --goal \`h2-reliability\` is a goal of cycle \`2026-h2\`, not of \`2026-h1\`; --date 2026-07-01 is outside cycle \`2026-h1\`, expected 2026-01-01 to 2026-06-30 — see \`throughline new --help\`"`,
    );
    expect(await usageError(root, flags({ ...rest, goal: ['h2-reliability', 'ci-speed'] }))).toMatchInlineSnapshot(
      `"--goal: the goals are in different cycles (\`2026-h2\`, \`2026-h1\`), expected goals of one cycle — see \`throughline new --help\`"`,
    );
    expect(await usageError(root, flags({ ...rest, goal: 'ci-speed', unplanned: 'Because.' }))).toMatchInlineSnapshot(
      `"--goal and --unplanned both given, expected one: work either moved goals or was unplanned — see \`throughline new --help\`"`,
    );
    expect(await usageError(root, flags({ ...rest, unplanned: 'Because.', date: '2026-11-28' }))).toMatchInlineSnapshot(
      `"--date 2026-11-28 is after today (2026-11-27) — see \`throughline new --help\`"`,
    );
  });

  it('refuses a cycle that has not started', async () => {
    const root = makeTree(undefined, {
      files: { 'content/cycles/2027-h1.md': '---\nname: H1 2027\nstart: 2027-01-01\nend: 2027-06-30\n---\n' },
    });
    const rest = without(COMPLETE, 'goal');
    expect(await usageError(root, flags({ ...rest, unplanned: 'Why.', cycle: '2027-h1' }))).toMatchInlineSnapshot(
      `"cycle \`2027-h1\` starts on 2027-01-01, after today (2026-11-27), so it can have no items yet — see \`throughline new --help\`"`,
    );
  });

  it('asks for --slug when the title gives no file name', async () => {
    const root = makeTree();
    expect(await usageError(root, flags({ ...COMPLETE, title: '日本語のタイトル' }))).toMatchInlineSnapshot(
      `"--title has no letters or digits to make a file name from, so pass --slug NAME — see \`throughline new --help\`"`,
    );
    expect((await runNew(root, flags({ ...COMPLETE, title: '日本語のタイトル', slug: 'japanese-title' }))).code).toBe(0);
    expect(read(root, 'content/accomplishments/2026-h1/japanese-title.md')).toContain('\ntitle: 日本語のタイトル\n');
  });

  it('refuses what only the whole item breaks, such as too many authors, before writing', async () => {
    const people: Record<string, string> = {};
    const ids = Array.from({ length: 13 }, (_, i) => `person-${String.fromCharCode(97 + i)}`);
    for (const id of ids) people[`content/people/${id}.md`] = `---\nname: ${id}\nrole: Engineer\nteam: core\n---\n`;
    const root = makeTree(undefined, { files: people });
    const before = snapshotTree(root);
    expect(await usageError(root, flags({ ...COMPLETE, author: ids }))).toMatchInlineSnapshot(
      `"--author: \`authors\` has 13 entries, expected at most 12"`,
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  it('does not wait for answers when stdin is not a terminal', async () => {
    expect(await usageError(makeTree(), flags({ author: 'ana', title: 'T' }, true), { stdinIsTTY: false })).toMatchInlineSnapshot(
      `"stdin is not a terminal, so \`new\` cannot ask for --summary, --goal (or --unplanned), --outcome and --visibility: pass them as options, with --no-input — see \`throughline new --help\`"`,
    );
  });

  it('runs without asking when stdin is not a terminal but every answer is given', async () => {
    const root = makeTree();
    const result = await runNew(root, flags(COMPLETE, true), { stdinIsTTY: false });
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(existsSync(join(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md'))).toBe(true);
  });
});

// eslint-disable-next-line no-control-regex -- ANSI escapes are what is being removed
const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

const ENTER = '\r';
const DOWN = '\u001B[B';
const UP = '\u001B[A';
const SPACE = ' ';
const CTRL_C = '\u0003';
const ESCAPE = '\u001B';

/**
 * Runs `new` with prompts on a fake terminal. `answer(prompt, keys)` waits until the prompt's text
 * appears after the previous one, then types: no sleeps, so it is as fast and as steady as the
 * prompts themselves.
 */
function terminal(root: string, args: readonly string[] = [], overrides: Partial<CommandContext> = {}) {
  const stdin = new PassThrough();
  const ctx = testContext(root, { stdin, stdinIsTTY: true, ...overrides });
  const screen = () => ctx.out().replace(ANSI, '');
  let from = 0;
  const done = Promise.resolve(command.run(parse(args), ctx));
  let finished = false;
  void done.finally(() => (finished = true));
  const appeared = (text: string) =>
    new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        settled = true;
        ctx.stdout.off('data', look);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      function look() {
        if (settled) return;
        const at = screen().indexOf(text, from);
        if (at !== -1) {
          from = at + text.length;
          settle();
        } else if (finished) settle(new Error(`the command ended before asking “${text}”:\n${screen()}`));
      }
      const timer = setTimeout(() => {
        settle(new Error(`no prompt “${text}” after 5 s:\n${screen().slice(from)}`));
      }, 5000);
      ctx.stdout.on('data', look);
      void done.finally(look);
      look();
    });
  return {
    async answer(prompt: string, ...keys: string[]) {
      await appeared(prompt);
      for (const key of keys) stdin.write(key);
    },
    appeared,
    screen,
    async result() {
      const code = await done;
      return { code, out: screen(), err: ctx.err() };
    },
  };
}

/**
 * What stays on the screen once the prompts are done: each question with its answer (clack marks
 * answered questions with ◇), then the closing lines.
 */
function transcript(screen: string): string {
  const answered = screen
    .split('◇  ')
    .slice(1)
    .map((part) => part.split('\n').slice(0, 2).join('\n'));
  return [...answered, screen.slice(screen.lastIndexOf('└  '))].join('\n');
}

describe('new with prompts', () => {
  it('asks every question in order and writes what was picked', async () => {
    const root = makeTree();
    const t = terminal(root);
    // People alphabetically by name: Ana Silva, Ben Carter, Cleo Park.
    await t.answer('Who are you?', DOWN, ENTER);
    await t.answer('Who worked on it with you?', SPACE, ENTER);
    await t.answer('Title', 'Cache dependencies between CI runs', ENTER);
    await t.answer('Summary', 'A warm dependency cache saves two minutes on every push.', ENTER);
    // The goal tree: Ship changes faster, with Halve CI time under it, then "none".
    await t.answer('Which goals did it move?', DOWN, SPACE, ENTER);
    await t.answer('Which key result of “Halve CI time” did it move?', UP, ENTER);
    await t.answer('Outcome', ENTER);
    await t.answer('Who may see it?', ENTER);
    // The cycle is over: the date offered is its last day.
    await t.answer('When did it land?', ENTER);
    const result = await t.result();
    expect(result.code).toBe(0);
    // The questions the docs list (generated from NEW_QUESTIONS) are the ones asked, in that order;
    // the cycle is asked only when more than one has started.
    const at = NEW_QUESTIONS.map((q) => result.out.indexOf(q.prompt));
    expect(NEW_QUESTIONS.filter((_, i) => at[i] === -1).map((q) => q.id)).toEqual(['cycle']);
    const asked = at.filter((index) => index !== -1);
    expect(asked).toEqual([...asked].sort((a, b) => a - b));
    const written = read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md');
    expect(written.split('---')[1]).toMatchInlineSnapshot(`
      "
      title: Cache dependencies between CI runs
      summary: A warm dependency cache saves two minutes on every push.
      authors: [ben, ana]
      cycle: 2026-h1
      date: 2026-06-30
      goals:
        - goal: ci-speed
          key_result: ci-p50
      outcome: delivered
      impact: [] # e.g. [{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: min}]
      evidence: [] # e.g. [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]
      tags: [] # e.g. [ci, caching]
      visibility: team
      draft: false # true keeps it out of the site and the counts while you work on it
      "
    `);
    expect(transcript(result.out)).toMatchInlineSnapshot(`
      "Who are you?
      │  Ben Carter (ben)
      Who worked on it with you? (space picks, enter goes on; none is fine)
      │  Ana Silva (ana)
      Title: what changed, as a result?
      │  Cache dependencies between CI runs
      Summary: one or two sentences on what you did
      │  A warm dependency cache saves two minutes on every push.
      Which goals did it move? (space picks, enter goes on)
      │     Halve CI time — ci-speed
      Which key result of “Halve CI time” did it move?
      │  Median CI time — ci-p50
      Outcome
      │  delivered — it shipped and did what it set out to do
      Who may see it?
      │  team — the team’s own site (the usual choice)
      When did it land? (YYYY-MM-DD)
      │  2026-06-30
      └  Created content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md

      Next steps:
        1. Edit it: fill in the sections, and add impact and evidence.
        2. Check it: npm run check
        3. Send it for review:
             git switch -c cache-dependencies-between-ci-runs
             git add content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md
             git commit -m "Add Cache dependencies between CI runs"
             git push -u origin HEAD
           then open a pull request.
      "
    `);
    expect(leftToFill(root)).toEqual([]);
  });

  it('shows people as “name (id)” and goals as an indented tree', async () => {
    const t = terminal(makeTree());
    await t.appeared('Who are you?');
    await t.appeared('Ana Silva (ana)');
    await t.answer('Cleo Park (cleo)', ENTER);
    await t.answer('Who worked on it with you?', ENTER);
    await t.answer('Title', 'T', ENTER);
    await t.answer('Summary', 'S', ENTER);
    await t.appeared('Which goals did it move?');
    await t.appeared('Ship changes faster — ship-faster\n');
    await t.appeared('   Halve CI time — ci-speed\n');
    await t.answer('none: unplanned work that mattered anyway', CTRL_C);
    expect((await t.result()).code).toBe(130);
  });

  it('asks only what the options leave out', async () => {
    const root = makeTree();
    const rest = without(COMPLETE, 'outcome');
    const t = terminal(root, flags({ ...rest, date: '2026-05-04' }, true));
    await t.answer('Outcome', DOWN, DOWN, DOWN, ENTER);
    const result = await t.result();
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/Who are you|Title|Summary|Which goals|Who may see|When did it land/);
    const written = read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md');
    expect(written).toContain('\ndate: 2026-05-04\n');
    expect(written).toContain('\noutcome: learning\n');
    expect(written).toContain('## What we learned\n\n_What did this bet teach you, and what would you try next?_\n');
  });

  it('takes unplanned work with its reason, and re-asks until the answer is valid', async () => {
    const root = makeTree();
    const t = terminal(root, flags({ author: 'cleo', title: 'Fix the login loop again', summary: 'Old sessions bounced.' }, true));
    await t.answer('Which goals did it move?', DOWN, DOWN, SPACE, ENTER);
    await t.answer('Why did it matter', ENTER);
    await t.answer('The reason is empty', 'Support: 40 tickets in a week.', ENTER);
    await t.answer('Outcome', ENTER);
    await t.answer('Who may see it?', UP, ENTER);
    await t.answer('When did it land?', '\u0015', '2026-07-01', ENTER);
    await t.answer('The date 2026-07-01 is outside cycle `2026-h1`', '\u0015', '2026-02-03', ENTER);
    const result = await t.result();
    expect(result.code).toBe(0);
    const written = read(root, 'content/accomplishments/2026-h1/fix-the-login-loop-again.md');
    expect(written.split('---')[1]).toMatchInlineSnapshot(`
      "
      title: Fix the login loop again
      summary: Old sessions bounced.
      authors: [cleo]
      cycle: 2026-h1
      date: 2026-02-03
      unplanned: "Support: 40 tickets in a week."
      outcome: delivered
      impact: [] # e.g. [{metric: Median CI time, before: 22, after: 11, unit: min, better: lower}]
      evidence: [] # e.g. [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]
      tags: [] # e.g. [ci, caching]
      visibility: public
      draft: false # true keeps it out of the site and the counts while you work on it
      "
    `);
  });

  it('asks for another file name when the title’s is taken', async () => {
    const root = makeTree();
    const rest = without(COMPLETE, 'title');
    const t = terminal(root, flags({ ...rest, date: '2026-05-04' }, true));
    await t.answer('Title', 'Cut CI time', ENTER);
    await t.answer('An item `2026-h1/cut-ci-time` exists already.', 'cut-ci-time', ENTER);
    await t.answer('That file exists already', '-again', ENTER);
    expect((await t.result()).code).toBe(0);
    expect(read(root, 'content/accomplishments/2026-h1/cut-ci-time-again.md')).toContain('\ntitle: Cut CI time\n');
  });

  it('pre-selects the person git knows as user.name', async () => {
    const root = makeTree();
    const gitconfig = join(root, 'gitconfig');
    writeFileSync(gitconfig, '[user]\n\tname = Cleo Park\n');
    const env = { PATH: process.env['PATH'] ?? '', GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1' };
    const rest = without(COMPLETE, 'author');
    const t = terminal(root, flags({ ...rest, date: '2026-05-04' }, true), { env });
    await t.answer('Who are you?', ENTER);
    await t.answer('Who worked on it with you?', ENTER);
    expect((await t.result()).code).toBe(0);
    expect(read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md')).toContain('\nauthors: [cleo]\n');
  });

  it('writes nothing when cancelled with Ctrl-C, and creates no folder', async () => {
    const root = makeTree(undefined, { files: H2 });
    const before = snapshotTree(root);
    const t = terminal(root);
    await t.answer('Who are you?', ENTER);
    await t.answer('Who worked on it with you?', ENTER);
    await t.answer('Which cycle?', ENTER);
    await t.answer('Title', 'Half a title', CTRL_C);
    const result = await t.result();
    expect(result.code).toBe(130);
    expect(transcript(result.out)).toMatchInlineSnapshot(`
      "Who are you?
      │  Ana Silva (ana)
      Who worked on it with you? (space picks, enter goes on; none is fine)
      │  none
      Which cycle?
      │  H2 2026 (2026-h2)
      └  Cancelled; nothing was written.

      "
    `);
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(join(root, 'content/accomplishments/2026-h2'))).toBe(false);
  });

  it('writes nothing when cancelled with Escape', async () => {
    const root = makeTree();
    const before = snapshotTree(root);
    const t = terminal(root, flags({ author: 'ana', title: 'T', summary: 'S', goal: 'ci-speed' }, true));
    await t.answer('Outcome', ESCAPE);
    expect(await t.result()).toMatchObject({ code: 130, err: '' });
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('new with the whole item as options', () => {
  // Everything a finished item has: what no prompt asks is given as options, the way the web form
  // gives it to the same renderer.
  const WHOLE: Answers = {
    ...COMPLETE,
    goal: ['ci-speed:ci-p50', 'ship-faster'],
    date: '2026-06-01',
    impact: [
      '{metric: Median CI time, key_result: ci-p50, before: 14, after: 12, unit: min}',
      '{metric: Flaky tests, before: 40, after: 3.5, unit: tests, better: lower}',
    ],
    evidence: ['PR #4121=https://github.com/acme/web/pull/4121', 'Dashboard: "CI p50"=HTTPS://grafana.example.com/d/ci?from=now-90d'],
    tag: ['ci', 'caching', 'ci'],
    'builds-on': '2026-h1/cut-ci-time',
    section: [
      'Context=Every push downloaded 1.2 GB of dependencies.',
      'what we did:=Cached them by lockfile hash:\r\n\r\n- one cache per branch  \r\n- a weekly purge\r\n',
      'Impact=Two minutes off every push.',
      'What we learned=A cache key has to name everything that changes its contents.',
    ],
  };

  it('writes every field, and the file passes the check with nothing left to fill in', async () => {
    const root = makeTree();
    const result = await runNew(root, flags(WHOLE));
    expect(result).toMatchObject({ code: 0, err: '' });
    const text = read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md');
    expect(text).toMatchInlineSnapshot(`
      "---
      title: Cache dependencies between CI runs
      summary: A warm dependency cache saves two minutes on every push.
      authors: [ben, ana]
      cycle: 2026-h1
      date: 2026-06-01
      goals:
        - goal: ci-speed
          key_result: ci-p50
        - goal: ship-faster
      outcome: delivered
      impact:
        - metric: Median CI time
          key_result: ci-p50
          before: 14
          after: 12
          unit: min
        - metric: Flaky tests
          before: 40
          after: 3.5
          unit: tests
          better: lower
      evidence: [{label: "PR #4121", url: "https://github.com/acme/web/pull/4121"}, {label: "Dashboard: \\"CI p50\\"", url: "HTTPS://grafana.example.com/d/ci?from=now-90d"}]
      tags: [ci, caching]
      builds_on: [2026-h1/cut-ci-time]
      visibility: team
      draft: false # true keeps it out of the site and the counts while you work on it
      ---
      ## Context

      Every push downloaded 1.2 GB of dependencies.

      ## What we did

      Cached them by lockfile hash:

      - one cache per branch  
      - a weekly purge

      ## Impact

      Two minutes off every push.

      ## What we learned

      A cache key has to name everything that changes its contents.
      "
    `);
    expect(check(root)).toMatchObject({ exitCode: 0 });
    expect(check(root).stdout).toMatchInlineSnapshot(`
      "✓ No problems in 12 files
      "
    `);
    const entry = readEntry(text);
    const data = AccomplishmentSchema.parse(entry.ok ? entry.data : undefined);
    expect(data).toMatchObject({
      impact: [
        { metric: 'Median CI time', key_result: 'ci-p50', before: 14, after: 12, unit: 'min' },
        { metric: 'Flaky tests', before: 40, after: 3.5, unit: 'tests', better: 'lower' },
      ],
      evidence: [
        { label: 'PR #4121', url: 'https://github.com/acme/web/pull/4121' },
        { label: 'Dashboard: "CI p50"', url: 'HTTPS://grafana.example.com/d/ci?from=now-90d' },
      ],
      tags: ['ci', 'caching'],
      builds_on: ['2026-h1/cut-ci-time'],
    });
  });

  it('reports every bad value of the new options at once, and writes nothing', async () => {
    const root = makeTree();
    const before = snapshotTree(root);
    const bad = flags({
      ...COMPLETE,
      date: '2026-03-01',
      impact: [
        '{metric: Median CI time, key_result: ci-p5, before: 22, after: 11, unit: min}',
        '{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: s}',
        '{metric: Flaky tests, befor: 40, after: true, unit: tests, better: up}',
        '{metric: [unclosed',
        'fewer flaky tests',
      ],
      evidence: ['PR #4121 github.com/acme/web/pull/4121', '=https://github.com/acme/web/pull/4121', 'Docs=https://'],
      tag: ['CI', 'remote cache'],
      'builds-on': ['cut-ci-time', '2026-h1/try-remote-cache', '2026-h1/nothing-like-it'],
      section: ['Contxt=Why.', 'Impact=Some.', 'impact:=More.', 'What we did=  ', 'Context'],
    });
    expect((await usageError(root, bad)).split('; ')).toMatchInlineSnapshot(`
      [
        "--impact \`{metric: Median CI time, key_result: ci-p5, before: 22, after: 11, unit: min}\`: Unknown key result \`ci-p5\`, expected one of this item's goals' key results: \`ci-p50\`",
        "--impact \`{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: s}\`: Unit \`s\` differs from key result \`ci-p50\`, expected \`min\`",
        "--impact \`{metric: Flaky tests, befor: 40, after: true, unit: tests, better: up}\`: Missing required field \`before\`",
        "--impact \`{metric: Flaky tests, befor: 40, after: true, unit: tests, better: up}\`: Unexpected boolean \`true\` for \`after\`, expected a number",
        "--impact \`{metric: Flaky tests, befor: 40, after: true, unit: tests, better: up}\`: Unexpected \`up\` for \`better\`, expected one of \`higher\` or \`lower\`",
        "--impact \`{metric: Flaky tests, befor: 40, after: true, unit: tests, better: up}\`: Unknown field \`befor\`, expected one of \`metric\`, \`key_result\`, \`before\`, \`after\`, \`unit\` or \`better\` (did you mean \`before\`?)",
        "--impact \`{metric: [unclosed\` is not YAML: Flow sequence in block collection must be sufficiently indented and end with a ], expected a mapping such as \`{metric: Median CI time, before: 22, after: 11, unit: min, better: lower}\`",
        "--impact \`fewer flaky tests\` is not a mapping, expected one such as \`{metric: Median CI time, before: 22, after: 11, unit: min, better: lower}\`",
        "--evidence \`PR #4121 github.com/acme/web/pull/4121\` is not LABEL=URL, expected a label and a link such as \`PR #123=https://github.com/org/repo/pull/123\`",
        "--evidence \`=https://github.com/acme/web/pull/4121\`: Empty text for \`label\`, expected at least 1 character",
        "--evidence \`Docs=https://\`: Unexpected link \`https://\` in \`url\`, expected an absolute \`https://\` link",
        "--tag \`CI\` is not a tag, expected lowercase letters and digits in words joined by \`-\`, such as \`caching\` (did you mean \`ci\`?)",
        "--tag \`remote cache\` is not a tag, expected lowercase letters and digits in words joined by \`-\`, such as \`caching\` (did you mean \`remote-cache\`?)",
        "--builds-on \`cut-ci-time\` is not in content/accomplishments/, expected \`<cycle>/<slug>\` (did you mean \`2026-h1/cut-ci-time\`?)",
        "--builds-on: Item \`2026-h1/try-remote-cache\` is dated 2026-05-20, after this item's 2026-03-01, expected work from before it",
        "--builds-on \`2026-h1/nothing-like-it\` is not in content/accomplishments/",
        "--section \`Contxt\` is not a heading of the body, expected \`Context\`, \`What we did\`, \`Impact\` or \`What we learned\` (did you mean \`Context\`?)",
        "--section \`Impact\` is given twice, expected each heading once",
        "--section \`What we did\` has no text, expected Markdown to write under the heading",
        "--section \`Context\` is not HEADING=TEXT, expected a heading and its text such as \`Context=Builds took 22 minutes.\` — see \`throughline new --help\`",
      ]
    `);
    expect(snapshotTree(root)).toEqual(before);
    // As for every other option: a usage error, exit 2 (docs/cli.md), one line and no stack trace.
    const cli = runCli(['new', '--root', root, ...bad]);
    expect(cli).toMatchObject({ code: 2, stdout: '' });
    expect(cli.stderr.split('\n')).toHaveLength(2);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('writes what the options give alongside the questions', async () => {
    const root = makeTree();
    const t = terminal(root, flags({ ...without(WHOLE, 'outcome', 'date'), 'builds-on': '2026-h1/try-remote-cache' }, true));
    await t.answer('Outcome', ENTER);
    // The earlier item landed on 2026-05-20: this one cannot be older than what it built on.
    await t.answer('When did it land?', '\u0015', '2026-05-01', ENTER);
    await t.answer('Item `2026-h1/try-remote-cache` is dated 2026-05-20', '\u0015', '2026-05-25', ENTER);
    expect((await t.result()).code).toBe(0);
    const text = read(root, 'content/accomplishments/2026-h1/cache-dependencies-between-ci-runs.md');
    expect(text).toContain('\ndate: 2026-05-25\n');
    expect(text).toContain('\ntags: [ci, caching]\nbuilds_on: [2026-h1/try-remote-cache]\n');
    expect(text).toContain('\n## Impact\n\nTwo minutes off every push.\n');
    expect(check(root)).toMatchObject({ exitCode: 0 });
  });
});
