import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { onlyChanged } from '../../src/core/diagnostics/diagnostics.ts';
import { summaryLine } from '../../src/cli/format/summary.ts';
import { readContentTree } from '../../src/node/fs.ts';
import { checkFiles } from '../../src/core/check.ts';
import type { Diagnostic } from '../../src/core/diagnostics/diagnostics.ts';
import { loadContent } from '../../src/core/read/load.ts';
import { MAX_COMMENT_CHARS, mdCode, mdText, problemsTable, renderReport, REPORT_MARKER, type ItemChange } from '../../src/core/report.ts';
import type { Accomplishment } from '../../src/schema/index.ts';
import { itemText, makeTree, TODAY } from '../helpers.ts';

const ITEMS = 'content/accomplishments/2026-h1';

/** Zero-width spaces made visible, so snapshots show where mentions and links are broken. */
const zw = (text: string) => text.replaceAll('\u200B', '⟨zwsp⟩');

/** An item's data as the schema reads it, for `before`. */
function data(fields: Record<string, unknown>): Accomplishment {
  const file = `${ITEMS}/before.md`;
  return loadContent([{ path: file, text: itemText(fields) }]).content.entries.accomplishments.get('2026-h1/before')!.data!;
}

/** The report for a tree made of the base fixture and `files`, with these changes. */
function report(files: Record<string, string>, changes: ItemChange[], prAuthor?: string): string {
  const tree = readContentTree(makeTree(undefined, { files }));
  const { content, diagnostics } = checkFiles(tree, { today: TODAY });
  const changed = onlyChanged(diagnostics, new Set(changes.map((c) => c.file)));
  const summary = summaryLine(changed, { files: tree.length, changedSince: 'main' });
  return renderReport({ content, diagnostics: changed, summary, changes, prAuthor });
}

function html(markdown: string): string {
  return markdownToHtml(markdown, { features: { math: true } }).html;
}

describe('renderReport', () => {
  it('lists added, changed, removed, private and broken items, and the counts after the pull request', () => {
    const files = {
      'content/people/cleo.md': '---\nname: Cleo Park\nrole: Designer\nteam: core\ngithub: Cleo-GH\n---\n',
      [`${ITEMS}/runbook.md`]: itemText({
        title: 'Wrote the on-call runbook',
        authors: ['cleo', 'ana'],
        goals: [{ goal: 'ci-speed', key_result: 'ci-p50' }, 'ship-faster'],
        evidence: [{ label: 'Doc', url: 'https://example.com/runbook' }],
      }),
      [`${ITEMS}/secret.md`]: itemText({ title: 'Secret payroll fix', authors: ['ben'], visibility: 'private' }),
      [`${ITEMS}/idea.md`]: itemText({ title: 'Half an idea', authors: ['cleo'], draft: true, goals: [], unplanned: 'Curious.' }),
      [`${ITEMS}/broken.md`]: itemText({ title: 'Broken', authors: ['bne'], outcome: 'shipped' }),
    };
    const changes: ItemChange[] = [
      { file: `${ITEMS}/broken.md`, kind: 'added' },
      { file: `${ITEMS}/cut-ci-time.md`, kind: 'changed', before: data({ authors: ['ben'] }) },
      { file: `${ITEMS}/idea.md`, kind: 'added' },
      { file: `${ITEMS}/runbook.md`, kind: 'added' },
      { file: `${ITEMS}/secret.md`, kind: 'added' },
      { file: `${ITEMS}/gone.md`, kind: 'removed', before: data({ title: 'Old duplicate', authors: ['cleo'] }) },
      { file: `${ITEMS}/gone-private.md`, kind: 'removed', before: data({ title: 'Old secret', visibility: 'private' }) },
      { file: `${ITEMS}/gone-broken.md`, kind: 'removed' },
    ];
    const markdown = report(files, changes, 'cleo-gh');
    expect(markdown.split('\n')[0]).toBe(REPORT_MARKER);
    expect(markdown).toMatchInlineSnapshot(`
      "<!-- throughline:report -->
      ## Throughline report

      ❌ 2 errors and 0 warnings in 1 file (only changes since main reported; 15 files checked)

      ### Accomplishments in this pull request

      - \`content/accomplishments/2026-h1/broken.md\` — added; has errors, see below
      - **Cut median CI time from 20 to 14 minutes** — changed · \`content/accomplishments/2026-h1/cut-ci-time.md\`
        - Authors: Ben Carter, Ana Silva
        - Goals: Halve CI time (\`ci-speed\`) → Median CI time
        - Outcome: delivered · Visibility: team
        - Team build: shown
        - Public build: not shown — \`visibility: team\`
        - Opened by \`@cleo-gh\`, who is not an author
      - **Half an idea** — added, draft (does not count yet) · \`content/accomplishments/2026-h1/idea.md\`
        - Authors: Cleo Park
        - Goals: none (unplanned work)
        - Outcome: delivered · Visibility: team
        - Team build: not shown — a draft (\`draft: true\`)
        - Public build: not shown — a draft (\`draft: true\`) and \`visibility: team\`
      - **Wrote the on-call runbook** — added · \`content/accomplishments/2026-h1/runbook.md\`
        - Authors: Cleo Park, Ana Silva
        - Goals: Halve CI time (\`ci-speed\`) → Median CI time; Ship changes faster (\`ship-faster\`)
        - Outcome: delivered · Visibility: team
        - Team build: shown
        - Public build: not shown — \`visibility: team\`
      - A private item — added · \`content/accomplishments/2026-h1/secret.md\`
        - Team build: not shown — \`visibility: private\`
        - Public build: not shown — \`visibility: private\`
        - Opened by \`@cleo-gh\`, who is not an author
      - Removed: **Old duplicate** · \`content/accomplishments/2026-h1/gone.md\`
      - Removed: a private item · \`content/accomplishments/2026-h1/gone-private.md\`
      - Removed: \`content/accomplishments/2026-h1/gone-broken.md\`

      ### Counts after this pull request

      - Ana Silva: 2 of 1–3 in H1 2026 (+1 in this PR)
      - Ben Carter: 3 of 1–3 in H1 2026 (+1 in this PR)
      - Cleo Park: 2 of 1–3 in H1 2026

      ### Problems in changed files

      | Where | Severity | Rule | Problem |
      | --- | --- | --- | --- |
      | \`content/accomplishments/2026-h1/broken.md\` 4:11 | error | \`unknown-reference\` | Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\`<br>*hint:* create \`content/people/bne.md\`, or check the spelling |
      | \`content/accomplishments/2026-h1/broken.md\` 8:1 | error | \`invalid-value\` | Unexpected \`shipped\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\` |

      "
    `);
    expect(markdown).not.toMatch(/Secret payroll|Old secret/);
  });

  it('says how each changed item will appear in the team and public builds, and why not', () => {
    const goal = (title: string, fields: string) =>
      `---\ntitle: ${title}\nowner: ana\nteam: core\ncycle: 2026-h1\nstatus: on-track\n${fields}---\n`;
    const files = {
      'content/people/pia.md': '---\nname: Pia Lund\nrole: Writer\nteam: core\nvisibility: public\n---\n',
      'content/people/quinn.md': '---\nname: Quinn Ash\nrole: Engineer\nteam: core\nvisibility: private\n---\n',
      'content/goals/docs.md': goal('Better docs', 'visibility: public\n'),
      'content/goals/open-source.md': goal('Open source the CLI', 'visibility: public\nparent: ship-faster\n'),
      'content/goals/payroll.md': goal('Payroll rework', 'visibility: private\n'),
      [`${ITEMS}/guide.md`]: itemText({ title: 'Wrote the guide', authors: ['pia'], goals: ['docs'], visibility: 'public' }),
      [`${ITEMS}/cache.md`]: itemText({ title: 'Cached the builds', authors: ['ben'] }),
      [`${ITEMS}/draft.md`]: itemText({ title: 'Half a guide', authors: ['pia'], goals: ['docs'], visibility: 'public', draft: true }),
      [`${ITEMS}/release.md`]: itemText({
        title: 'Released the CLI',
        authors: ['pia', 'ben'],
        goals: [{ goal: 'ci-speed', key_result: 'ci-p50' }, 'ci-speed', 'open-source'],
        visibility: 'public',
      }),
      [`${ITEMS}/ledger.md`]: itemText({ title: 'Fixed the ledger', authors: ['ana', 'quinn'], goals: ['payroll'] }),
    };
    const changes = Object.keys(files)
      .filter((file) => file.startsWith(ITEMS))
      .map((file): ItemChange => ({ file, kind: 'added' }));
    const items = report(files, changes).split('### ')[1]!;
    expect(items.split('\n').filter((line) => / build: |^- |^ {4}- /.test(line))).toMatchInlineSnapshot(`
      [
        "- **Wrote the guide** — added · \`content/accomplishments/2026-h1/guide.md\`",
        "  - Team build: shown",
        "  - Public build: shown",
        "- **Cached the builds** — added · \`content/accomplishments/2026-h1/cache.md\`",
        "  - Team build: shown",
        "  - Public build: not shown — \`visibility: team\`",
        "- **Half a guide** — added, draft (does not count yet) · \`content/accomplishments/2026-h1/draft.md\`",
        "  - Team build: not shown — a draft (\`draft: true\`)",
        "  - Public build: not shown — a draft (\`draft: true\`)",
        "- **Released the CLI** — added · \`content/accomplishments/2026-h1/release.md\`",
        "  - Team build: shown",
        "  - Public build: shown, without:",
        "    - the goal Halve CI time (\`ci-speed\`) — \`visibility: team\`",
        "    - the goal Ship changes faster (\`ship-faster\`), above Open source the CLI — \`visibility: team\`",
        "    - the author Ben Carter — \`visibility: team\`",
        "- **Fixed the ledger** — added · \`content/accomplishments/2026-h1/ledger.md\`",
        "  - Team build: shown, without:",
        "    - a private goal — \`visibility: private\`",
        "    - the author Quinn Ash — \`visibility: private\`",
        "  - Public build: not shown — \`visibility: team\`",
      ]
    `);
  });

  it('says so when no accomplishment changed, and shows ✅ with no problems', () => {
    expect(report({}, [])).toMatchInlineSnapshot(`
      "<!-- throughline:report -->
      ## Throughline report

      ✅ No problems in the files changed since main (11 files checked)

      ### Accomplishments in this pull request

      None added, changed or removed.

      "
    `);
  });

  it('escapes hostile titles, names and goals so nothing renders, links, pings or breaks the page', () => {
    const titles = [
      '<script>alert(1)</script> @acme/everyone ![x](https://evil.example/i.png) [click](javascript:alert(1))',
      '**bold** | www.evil.example #12 $\\Huge{x}$ ~~gone~~ `code` &amp; <!-- hi --> \\',
    ];
    const files = {
      'content/people/mallory.md': `---\nname: ${JSON.stringify(`Mallory @acme/admins <b>x</b>`)}\nrole: Engineer\nteam: core\n---\n`,
      'content/goals/ci-speed.md':
        '---\ntitle: "# Halve [CI](https://evil.example) time @here"\nowner: ben\nteam: core\ncycle: 2026-h1\nparent: ship-faster\nstatus: done\nkey_results:\n  - {id: ci-p50, title: "> quote | pipe", unit: min, baseline: 20, target: 10, current: 12}\n---\n',
      [`${ITEMS}/evil.md`]: itemText({
        title: titles[0],
        authors: ['mallory'],
        goals: [{ goal: 'ci-speed', key_result: 'ci-p50' }],
        visibility: 'public',
      }),
      [`${ITEMS}/evil-two.md`]: itemText({ title: titles[1], authors: ['mallory'] }),
    };
    const markdown = report(files, [
      { file: `${ITEMS}/evil.md`, kind: 'added' },
      { file: `${ITEMS}/evil-two.md`, kind: 'added' },
    ]);
    expect(
      zw(markdown)
        .split('\n')
        .filter((line) => /evil|Mallory/.test(line)),
    ).toMatchInlineSnapshot(`
      [
        "- **&lt;script&gt;alert(1)&lt;/script&gt; @⟨zwsp⟩acme/everyone \\!\\[x\\](https:⟨zwsp⟩//evil.example/i.png) \\[click\\](javascript:alert(1))** — added · \`content/accomplishments/2026-h1/evil.md\`",
        "  - Authors: Mallory @⟨zwsp⟩acme/admins &lt;b&gt;x&lt;/b&gt;",
        "  - Goals: \\# Halve \\[CI\\](https:⟨zwsp⟩//evil.example) time @⟨zwsp⟩here (\`ci-speed\`) → &gt; quote \\| pipe",
        "    - the goal \\# Halve \\[CI\\](https:⟨zwsp⟩//evil.example) time @⟨zwsp⟩here (\`ci-speed\`) — \`visibility: team\`",
        "    - the author Mallory @⟨zwsp⟩acme/admins &lt;b&gt;x&lt;/b&gt; — \`visibility: team\`",
        "- **\\*\\*bold\\*\\* \\| www⟨zwsp⟩.evil.example \\#⟨zwsp⟩12 \\$\\\\Huge{x}\\$ \\~\\~gone\\~\\~ \\\`code\\\` &amp;amp; &lt;\\!-- hi --&gt; \\\\** — added · \`content/accomplishments/2026-h1/evil-two.md\`",
        "  - Authors: Mallory @⟨zwsp⟩acme/admins &lt;b&gt;x&lt;/b&gt;",
        "  - Goals: \\# Halve \\[CI\\](https:⟨zwsp⟩//evil.example) time @⟨zwsp⟩here (\`ci-speed\`)",
        "- Mallory @⟨zwsp⟩acme/admins &lt;b&gt;x&lt;/b&gt;: 2 of 1–3 in H1 2026 (+2 in this PR)",
      ]
    `);
    const rendered = html(markdown).replace(REPORT_MARKER, '');
    // Only the report's own markup: bold titles, code spans, lists.
    expect(rendered).not.toMatch(/<(a|img|script|b|em|del|h1|blockquote|table)[\s>]|<!--|math/);
    // Each title reads exactly as written (zero-width spaces aside), and pings no one.
    const strong = [...rendered.matchAll(/<strong>(.*?)<\/strong>/g)].map((m) => m[1]!.replace(/\u200B/g, ''));
    expect(strong).toEqual(titles.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    expect(rendered).not.toMatch(/@(acme|here)|(^|[^\u200B])#12|www\.evil|https:\/\//);
  });

  it('stays under GitHub’s comment limit however many items a pull request has', () => {
    const people: Record<string, string> = {};
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    for (const id of ids) people[`content/people/${id}.md`] = `---\nname: ${'N'.repeat(90)} ${id}\nrole: Engineer\nteam: core\n---\n`;
    const files: Record<string, string> = { ...people };
    const changes: ItemChange[] = [];
    for (let i = 0; i < 300; i++) {
      const file = `${ITEMS}/item-${String(i).padStart(3, '0')}.md`;
      files[file] = itemText({ title: `${'<'.repeat(100)} ${i}`, authors: ids, tags: ['x'] });
      changes.push({ file, kind: 'added' });
    }
    const markdown = report(files, changes);
    expect(markdown.length).toBeLessThan(MAX_COMMENT_CHARS);
    expect(markdown.split('\n').filter((line) => line.startsWith('- …and') || line.startsWith('…and'))).toMatchInlineSnapshot(`
      [
        "- …and 284 more items",
      ]
    `);
  });
});

describe('Markdown escaping', () => {
  it('mdText shows text as written, on one line', () => {
    expect(
      ['- list?', '# heading', '> quote', 'a_b*c*', 'x\ny', '@someone', 'see #4 and https://x.io', 'WWW.x.io', 'a|b', '\\`'].map((t) =>
        zw(mdText(t)),
      ),
    ).toMatchInlineSnapshot(`
      [
        "\\- list?",
        "\\# heading",
        "&gt; quote",
        "a\\_b\\*c\\*",
        "x y",
        "@⟨zwsp⟩someone",
        "see \\#⟨zwsp⟩4 and https:⟨zwsp⟩//x.io",
        "WWW⟨zwsp⟩.x.io",
        "a\\|b",
        "\\\\\\\`",
      ]
    `);
  });

  it('mdCode picks a fence longer than any backticks inside', () => {
    expect(['content/a.md', 'a`b', '`x`', 'a``b'].map(mdCode)).toMatchInlineSnapshot(`
      [
        "\`content/a.md\`",
        "\`\`a\`b\`\`",
        "\`\` \`x\` \`\`",
        "\`\`\`a\`\`b\`\`\`",
      ]
    `);
  });

  it('problemsTable, strict: text around code spans is escaped; unpaired backticks escape the whole message', () => {
    const d = (message: string): Diagnostic => ({
      file: `${ITEMS}/x.md`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'warning',
      rule: 'submission-count',
      message,
    });
    const rows = problemsTable([d('Mallory @acme/team [x](https://e.example) has `0` items'), d('Unknown person `a`@acme/team` here')], {
      maxRows: 10,
      strict: true,
    });
    expect(rows.map(zw)).toMatchInlineSnapshot(`
      [
        "| Where | Severity | Rule | Problem |",
        "| --- | --- | --- | --- |",
        "| \`content/accomplishments/2026-h1/x.md\` 1:1 | warning | \`submission-count\` | Mallory @⟨zwsp⟩acme/team \\[x\\](https:⟨zwsp⟩//e.example) has \`0\` items |",
        "| \`content/accomplishments/2026-h1/x.md\` 1:1 | warning | \`submission-count\` | Unknown person \\\`a\\\`@⟨zwsp⟩acme/team\\\` here |",
      ]
    `);
    const rendered = html(rows.join('\n'));
    expect(rendered).not.toMatch(/<a |@acme/);
  });
});
