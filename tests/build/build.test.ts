import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, itemText } from '../helpers.ts';
import {
  build,
  makeNestedSiteTree,
  makeSiteTree,
  readSite,
  searchIndexText,
  startBuild,
  treeState,
  writeEarlierBuild,
} from './site-tree.ts';

const BUILD_TIMEOUT = 240_000;

// A public item whose body tries every trick; a draft; a public item by a team-only author.
const EVIL = `---
title: Hardened the login form
summary: Rate limits and lockouts on the login form.
authors: [cleo, ben, ana]
cycle: 2026-h1
date: 2026-04-01
unplanned: A credential-stuffing wave hit the login form.
outcome: delivered
visibility: public
---
## Impact

<script>alert('x')</script>
<img src=x onerror="alert(1)">
<a href="javascript:alert(2)" onclick="alert(3)">click</a>
<iframe src="https://evil.example"></iframe>
<form action="https://evil.example"><input name=q></form>
<div style="position:fixed">styled</div>
[data link](data:text/html;base64,PHNjcmlwdD4=) and [js link](javascript:alert(4))

Failed logins fell from 9,000 to 300 an hour.
`;

const DRAFT = `---
title: Secret draft about the reorg
summary: Not ready.
authors: [ana]
cycle: 2026-h1
date: 2026-04-02
unplanned: Draft.
outcome: delivered
visibility: public
draft: true
---
## Impact

Nothing yet.
`;

describe('npm run build', () => {
  it(
    'stops with the check’s diagnostic on a dangling reference and leaves dist/ as it was',
    () => {
      const root = makeSiteTree(undefined, {
        files: {
          'content/accomplishments/2026-h1/cut-ci-time.md': readFileSync(
            join(import.meta.dirname, '../fixtures/base/content/accomplishments/2026-h1/cut-ci-time.md'),
            'utf8',
          ).replace('authors: [ben, ana]', 'authors: [ben, anna]'),
        },
      });
      writeEarlierBuild(join(root, 'dist'), { 'index.html': 'the previous site' });
      const result = build(root);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatchInlineSnapshot(`
        "content/accomplishments/2026-h1/cut-ci-time.md:4:16 error unknown-reference Unknown person \`anna\` in \`authors[1]\`, expected the id of a file in \`content/people/\`
          hint: did you mean \`ana\`?
            3 | summary: Sharded the test job four ways.
          > 4 | authors: [ben, anna]
              |                ^^^^
            5 | cycle: 2026-h1

        content/people/ana.md:1:1 error submission-count Ana Silva has 0 of 1–3 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10
          hint: add 1 more with \`npm run new\`, as author or co-author
          > 1 | ---
              | ^^^
            2 | name: Ana Silva

        ✖ 2 errors and 0 warnings in 2 files (11 files checked)

        Not built: fix the problems above first. \`dist/\` was left as it was.
        "
      `);
      expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('the previous site');
    },
    BUILD_TIMEOUT,
  );

  it(
    'fails with one clear line when Pagefind cannot run, and leaves dist/ as it was',
    () => {
      const root = makeSiteTree();
      writeEarlierBuild(join(root, 'dist'), { 'index.html': 'the previous site' });
      // Pagefind's own way to name its binary: here, one that does not exist.
      process.env['PAGEFIND_BINARY_PATH'] = join(root, 'no-such-pagefind');
      let result;
      try {
        result = build(root);
      } finally {
        delete process.env['PAGEFIND_BINARY_PATH'];
      }
      expect(result.status).toBe(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr.slice(result.stderr.indexOf('Not built')).replace(root, '<root>')).toMatchInlineSnapshot(`
        "Not built: the search index could not be built: spawn <root>/no-such-pagefind ENOENT
          hint: Pagefind runs from the \`pagefind\` npm package and its platform package (\`@pagefind/linux-x64\`…); reinstall with \`npm ci\`, and check that optional dependencies are not skipped (\`--omit=optional\`).
        \`dist/\` was left as it was.
        "
      `);
      expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('the previous site');
    },
    BUILD_TIMEOUT,
  );

  it(
    'publishes after a due date even when someone is short of items: the count is shown, not enforced',
    () => {
      // Ana is an author only of cut-ci-time; without it she has 0 of 1–3 after the due date.
      const root = makeSiteTree(undefined, { remove: ['content/accomplishments/2026-h1/cut-ci-time.md'] });
      const result = build(root);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        'content/people/ana.md:1:1 error submission-count Ana Silva has 0 of 1–3 accomplishments in cycle `2026-h1`, which was due 2026-07-10',
      );
      expect(result.stdout).toMatch(/Built \d+ pages for the team audience into `dist\/`/);
    },
    BUILD_TIMEOUT,
  );

  describe('for each audience', () => {
    // People, goals and the team of the base fixture are `team` by default: names, titles and ids.
    const TEAM_ONLY = ['Cleo Park', 'Ben Carter', 'Halve CI time', 'Ship changes faster', 'ci-speed', 'ship-faster', 'Cut median CI'];
    const files = {
      'content/accomplishments/2026-h1/harden-login.md': EVIL,
      'content/accomplishments/2026-h1/reorg.md': DRAFT,
      // One public person, so the public build has someone whose coverage it could wrongly show.
      'content/people/ana.md': '---\nname: Ana Silva\nrole: Engineering Manager\nteam: core\nvisibility: public\n---\n',
      // Everyone is short of three; Cleo is excused, for a reason only the team may read.
      'content/cycles/2026-h1.md':
        '---\nname: H1 2026\nstart: 2026-01-01\nend: 2026-06-30\ndue: 2026-07-10\nsubmissions:\n  min: 3\n  max: 5\nexempt:\n  - person: cleo\n    reason: parental leave canary\n---\n',
      // A personal item: read by a private build alone.
      'content/.personal/accomplishments/2026-h1/my-notes.md': itemText({ title: 'Personal canary', visibility: 'private' }),
    };
    const root = makeSiteTree(undefined, { files });

    it(
      'builds the public site with only public items, and leaks nothing of the rest',
      () => {
        const result = build(root, '--audience', 'public', '--out-dir', 'public-site');
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        // The raw HTML below is reported as a warning, and warnings do not stop a build.
        expect(result.stdout).toContain('warning raw-html Raw HTML `<script>` in the body will not be shown');
        expect(result.stdout).toMatch(
          /\nSearch: indexed \d+ pages\.\nBuilt \d+ pages for the public audience into `public-site\/` in \d+\.\d s\.( Cards: [^\n]*)?\n$/,
        );
        const site = readSite(join(root, 'public-site'));
        const pages = [...site.keys()].filter((p) => p.startsWith('items/') && p.endsWith('.html'));
        expect(pages.sort()).toEqual([
          'items/2026-h1/fix-login-loop/index.html',
          'items/2026-h1/harden-login/index.html',
          'items/index.html',
        ]);
        // People, goals and the team are `team` by default: no page, and no title, name or id anywhere.
        const everything = [...site.values()].join('\n');
        for (const secret of TEAM_ONLY) expect(everything, secret).not.toContain(secret);
        expect(everything).not.toContain('Secret draft');
        expect(site.get('cycles/2026-h1/index.html')).not.toContain('Coverage');
        expect([...site.keys()].filter((p) => p.includes('coverage'))).toEqual([]);
        expect(everything).not.toContain('Remote build cache');
        expect(everything).not.toContain('Personal canary');
        expect(everything).not.toContain('parental leave canary');
        const item = site.get('items/2026-h1/harden-login/index.html')!;
        expect(item).toContain('Ana Silva');
        expect(site.has('people/ana/index.html')).toBe(true);
        expect(item.match(/not shown in this build/g)?.length).toBeGreaterThanOrEqual(2);
        expect(item).toContain('<meta name="description"');
        expect(item).not.toContain('noindex');

        // The search index holds the pages' words and filters, and nothing the pages leave out:
        // the team-only goals are no filter value, here or on the search page's controls.
        expect(site.has('pagefind/pagefind.js')).toBe(true);
        const index = searchIndexText(join(root, 'public-site'));
        expect(index).toContain('Failed logins fell from 9,000 to 300 an hour.');
        expect(index).toContain('"outcome":["Delivered"]');
        for (const secret of [...TEAM_ONLY, 'Secret draft', 'Personal canary']) expect(index, secret).not.toContain(secret);
        expect(site.get('search/index.html')).toMatch(/<input type="checkbox" name="outcome" value="Delivered"/);
      },
      BUILD_TIMEOUT,
    );

    it(
      'gives the search only the main content of the pages worth finding, never the header or navigation',
      () => {
        const pages = [...readSite(join(root, 'public-site'))].filter(([path]) => path.endsWith('.html'));
        const marked = pages.filter(([, html]) => html.includes('data-pagefind-body'));
        expect(marked.map(([path]) => path).sort()).toMatchInlineSnapshot(`
          [
            "cycles/2026-h1/index.html",
            "items/2026-h1/fix-login-loop/index.html",
            "items/2026-h1/harden-login/index.html",
            "people/ana/index.html",
          ]
        `);
        for (const [path, html] of marked) {
          expect(html.match(/data-pagefind-body/g)?.length, path).toBe(1);
          expect(html, path).toMatch(/<main id="content" tabindex="-1" data-pagefind-body>/);
          expect(html, path).toMatch(/<span data-pagefind-meta="title">/);
        }
      },
      BUILD_TIMEOUT,
    );

    it(
      'keeps raw HTML, scripts and unsafe links in a body from reaching the page',
      () => {
        const page = readFileSync(join(root, 'public-site', 'items/2026-h1/harden-login/index.html'), 'utf8');
        expect(page).toContain('Failed logins fell from 9,000 to 300 an hour.');
        // Mentions of `javascript:` as text are harmless; as markup they must not exist anywhere.
        // The site's own search box sits in the header; nothing of the kind may come from a body.
        const content = page.replace(/<header class="site-header"[\s\S]*?<\/header>/, '');
        expect(content).toMatch(/<main\b/);
        expect(content).not.toMatch(/<(script|iframe|form|input|img|object|embed)\b|\son\w+=|(href|src|action)="?(javascript|data):/i);
        const body = /<div class="prose body"[^>]*>([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
        expect(body).toContain('<h2 id="h-impact">Impact</h2>');
        expect(body).not.toMatch(/\sstyle=|<div|<a\b/);
      },
      BUILD_TIMEOUT,
    );

    it(
      'builds the team site without private items or drafts, and a private build with them',
      () => {
        expect(build(root, '--out-dir', 'team-site').status).toBe(0);
        const team = readSite(join(root, 'team-site'));
        expect(team.has('items/2026-h1/cut-ci-time/index.html')).toBe(true);
        // Dates and numbers follow the integration's `locale`, English by default.
        expect(team.get('items/2026-h1/cut-ci-time/index.html')).toMatch(/<time datetime="2026-03-12"[^>]*>Mar 12, 2026<\/time>/);
        expect(team.has('people/cleo/index.html')).toBe(true);
        expect(team.has('items/2026-h1/try-remote-cache/index.html')).toBe(false);
        expect([...team.values()].join('\n')).not.toContain('Remote build cache');
        expect([...team.values()].join('\n')).not.toContain('Personal canary');
        expect(team.get('index.html')).toContain('<meta name="robots" content="noindex, nofollow">');
        // Coverage ("2 of 3–5") is a reminder for the team, never shown publicly.
        expect(team.get('cycles/2026-h1/index.html')).toContain('Coverage');
        // Three people fit in the cycle page's own table: no coverage pages that nothing links to.
        expect(team.get('cycles/2026-h1/index.html')).toContain('<th scope="col" class="num">Written</th>');
        expect(team.has('cycles/2026-h1/coverage/index.html')).toBe(false);
        // An exemption reads as one, with its reason, to the team alone.
        const cycle = team.get('cycles/2026-h1/index.html')!.replace(/<[^>]+>|\s+/g, ' ');
        expect(cycle).toContain('0 of 3 people have written between 3 and 5; 1 not held to the minimum this cycle.');
        expect(cycle).toMatch(/Cleo Park +2 of 3–5 +exempt: parental leave canary/);
        expect(cycle).toMatch(/Ana Silva +2 of 3–5 +1 more to reach 3/);

        expect(build(root, '--audience', 'private').status).toBe(0);
        const mine = readSite(join(root, 'dist-private'));
        expect(mine.has('items/2026-h1/try-remote-cache/index.html')).toBe(true);
        expect(mine.get('items/2026-h1/my-notes/index.html')).toContain('Personal canary');
        expect(mine.has('items/2026-h1/reorg/index.html')).toBe(false);
        expect(existsSync(join(root, 'dist'))).toBe(false);
      },
      BUILD_TIMEOUT,
    );

    it(
      'builds the same site byte for byte from another checkout of the same commit, into another folder',
      () => {
        const again = makeSiteTree(undefined, { files });
        expect(build(again, '--out-dir', 'elsewhere').status).toBe(0);
        expect(treeState(join(again, 'elsewhere'))).toEqual(treeState(join(root, 'team-site')));
      },
      BUILD_TIMEOUT,
    );

    it(
      'replaces its own earlier build, and only warns when the old one cannot be deleted',
      (context) => {
        const site = join(root, 'team-site');
        const built = treeState(site);
        // A page gone from the earlier build shows that the folder was replaced, not kept.
        rmSync(join(site, 'goals', 'index.html'));
        const page = join('items', '2026-h1', 'cut-ci-time', 'index.html');
        const undo = makeUndeletable(join(site, page));
        if (undo === undefined) {
          context.skip('nothing on this machine can make a file undeletable');
          return;
        }
        let result;
        try {
          result = build(root, '--out-dir', 'team-site');
        } finally {
          undo(root, page);
        }
        expect(result.status).toBe(0);
        // Why it could not be deleted is the system's message, which differs by machine and user.
        expect(result.stderr.replace(/staging-\w+-old/, 'staging-…-old').replace(/ \(.+\);/, ' (…);')).toMatchInlineSnapshot(`
          "throughline: warning: the previous site could not be deleted and is now at \`.throughline/staging-…-old/\` (…); delete it yourself, or the next build tries again
          "
        `);
        expect(result.stdout).toMatch(/Built \d+ pages for the team audience into `team-site\/`/);
        expect(treeState(site)).toEqual(built);
        const leftOver = /now at `([^`]+)`/.exec(result.stderr)![1]!;
        expect(existsSync(resolve(root, leftOver, page))).toBe(true);
      },
      BUILD_TIMEOUT,
    );

    it('refuses an unknown audience before building anything', () => {
      const result = build(root, '--audience', 'everyone');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatchInlineSnapshot(`
        "throughline: unknown --audience \`everyone\`; expected one of public, team, private
        "
      `);
    });
  });
});

describe('a site in another locale', () => {
  it(
    'writes dates and numbers as the integration’s `locale` says, the words and <html lang> staying English',
    () => {
      const root = makeSiteTree(undefined, {
        files: {
          'content/accomplishments/2026-h1/faster-pages.md': itemText({
            title: 'Faster pages',
            date: '2026-04-18',
            goals: [],
            unplanned: 'Pages were slow.',
            impact: [{ metric: 'Page load', before: 1250.5, after: 980, unit: 'ms' }],
          }),
        },
      });
      writeFileSync(
        join(root, 'astro.config.mjs'),
        "import { defineConfig } from 'astro/config';\nimport throughline from 'throughline';\nexport default defineConfig({ integrations: [throughline({ locale: 'de' })] });\n",
      );
      const result = build(root);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // Without Astro's scoping attributes, so the assertions read as the page does.
      const site = new Map([...readSite(join(root, 'dist'))].map(([path, html]) => [path, html.replace(/ data-astro-cid-\w+/g, '')]));
      const item = site.get('items/2026-h1/faster-pages/index.html')!;
      expect(item).toContain('<html lang="en"');
      expect(item).toContain('<time datetime="2026-04-18">18. Apr. 2026</time>');
      expect(item).toContain('<td class="num">1.250,5 ms</td>');
      expect(item).toContain('<td class="num">−270,5 ms</td>');
      expect(site.get('items/2026-h1/cut-ci-time/index.html')).toContain('<time datetime="2026-03-12">12. März 2026</time>');
      expect(site.get('cycles/2026-h1/index.html')).toContain('1. Jan. 2026 – 30. Juni 2026');
      expect([...site.values()].join('\n')).not.toMatch(/Apr 18, 2026|Mar 12, 2026|1,250\.5/);
    },
    BUILD_TIMEOUT,
  );
});

describe('an --out-dir that is not the build’s own', () => {
  // The issue: `--out-dir .` reported "Built 177 pages" and left only the site, without .git,
  // content/ or src/. Each case gets its own tree inside a temp folder, with files around it that
  // must survive; nothing is ever aimed at a real folder.
  const cases: [string, string[], (tree: { outer: string; root: string }) => void][] = [
    ['the repository itself', ['--out-dir', '.'], () => undefined],
    ['the folder holding the repository', ['--out-dir', '..'], () => undefined],
    ['content/', ['--out-dir', 'content'], () => undefined],
    ['a file', ['--out-dir', 'README.md'], () => undefined],
    [
      'a folder of someone’s notes',
      ['--out-dir', '../keep'],
      ({ outer }) => {
        mkdirSync(join(outer, 'keep'));
        writeFileSync(join(outer, 'keep', 'notes.txt'), 'notes nobody else has');
      },
    ],
    [
      'a dist/ from an older Throughline, without the marker',
      [],
      ({ root }) => {
        mkdirSync(join(root, 'dist', '_astro'), { recursive: true });
        writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>Impact</title>');
        writeFileSync(join(root, 'dist', '_astro', 'index.css'), 'body{}');
      },
    ],
    [
      'an earlier build with a file added by hand',
      ['--out-dir', 'site'],
      ({ root }) => {
        writeEarlierBuild(join(root, 'site'), { 'index.html': 'an earlier build' });
        writeFileSync(join(root, 'site', 'CNAME'), 'impact.example.com');
      },
    ],
  ];

  it.each(cases)(
    'refuses %s: exit 2, one line, and nothing created or deleted',
    (_, args, setUp) => {
      const tree = makeNestedSiteTree({ files: { 'README.md': '# The team’s repository\n' } });
      writeFileSync(join(tree.outer, 'beside.txt'), 'a file beside the repository');
      git(tree.root, 'init', '-q');
      setUp(tree);
      const before = treeState(tree.outer);
      const result = build(tree.root, ...args);
      expect.soft({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
      expect.soft(result.stderr).toMatch(/^throughline: [^\n]+\n$/);
      expect(treeState(tree.outer)).toEqual(before);
    },
    BUILD_TIMEOUT,
  );
});

describe('a cancelled build', () => {
  it(
    'leaves no private pages in the repository and the previous site as it was, and a second build meanwhile refuses',
    async () => {
      const root = makeSiteTree();
      writeEarlierBuild(join(root, 'dist-private'), { 'index.html': 'the previous private site' });
      // What a real project ignores anyway; the build's own folders must need nothing from it.
      writeFileSync(join(root, '.gitignore'), 'node_modules\n.astro/\n');
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'the team’s repository');
      const unchanged = (path: string) => path === '.astro' || path.startsWith('.astro/') || path === '.git' || path.startsWith('.git/');
      const before = treeState(root, unchanged);

      const first = startBuild(root, '--audience', 'private');
      let second;
      try {
        const staging = await appears(() => newFolder(root, before), first.done);
        // Whatever the build writes there, `git add -A` must never pick it up.
        expect.soft(ignoredByGit(root, join(staging, 'items', 'index.html')), staging).toBe(true);
        second = await startBuild(root, '--audience', 'private').done;
      } finally {
        first.child.kill('SIGINT');
      }
      const result = await first.done;

      expect.soft(second.status).toBe(2);
      expect.soft(second.stderr).toMatch(/^throughline: another build is running in this repository/);
      expect.soft({ status: result.status, signal: result.signal }).toEqual({ status: 130, signal: null });
      expect.soft(result.stderr).toMatchInlineSnapshot(`
        "throughline: stopped by SIGINT; nothing was built and \`dist-private/\` was left as it was
        "
      `);
      // The tool's own folder may stay (it ignores itself); no staging folder, no page anywhere.
      const tool = (path: string) => unchanged(path) || path === '.throughline' || path === '.throughline/.gitignore';
      expect(treeState(root, tool)).toEqual(before);
      expect(git(root, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    },
    BUILD_TIMEOUT,
  );
});

/** A folder under `root` (two levels deep at most) that `before` did not have, besides `.astro/`. */
function newFolder(root: string, before: readonly string[]): string | undefined {
  for (const first of readdirSync(root, { withFileTypes: true })) {
    if (!first.isDirectory() || first.name === '.astro' || first.name === '.git') continue;
    if (!before.includes(`${first.name}/`)) {
      const inside = readdirSync(join(root, first.name), { withFileTypes: true }).find((e) => e.isDirectory());
      // The build's own folder may come first and the staging folder inside it a moment later.
      return inside ? join(first.name, inside.name) : first.name === '.throughline' ? undefined : first.name;
    }
  }
  return undefined;
}

/** Polls `find` until it returns something; fails if `done` settles first. */
async function appears<T>(find: () => T | undefined, done: Promise<unknown>): Promise<T> {
  const state = { finished: false };
  void done.then(() => (state.finished = true));
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (state.finished) throw new Error('the build ended before its staging folder appeared');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function ignoredByGit(root: string, path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `file` impossible to delete with the means this machine offers: a read-only folder stops
 * a user, the immutable flag stops root. Returns how to undo it wherever the file has been moved
 * under `root` (a build moves the old site aside), or undefined where neither works.
 */
function makeUndeletable(file: string): ((root: string, relative: string) => void) | undefined {
  const asRoot = process.getuid?.() === 0;
  try {
    if (asRoot) execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
    else chmodSync(dirname(file), 0o555);
  } catch {
    return undefined;
  }
  return (root, relative) => {
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (existsSync(join(dir, relative))) found.push(join(dir, relative));
      if (depth === 0) return;
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isDirectory() && !['node_modules', 'content', 'src'].includes(entry.name)) walk(join(dir, entry.name), depth - 1);
    };
    walk(root, 2);
    for (const path of found) {
      if (asRoot) execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
      else chmodSync(dirname(path), 0o755);
    }
  };
}
