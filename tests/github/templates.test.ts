import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

interface Rule {
  line: number;
  pattern: string;
  owners: string[];
}

const CODEOWNERS = readFileSync(join(REPO, '.github', 'CODEOWNERS'), 'utf8');
const MAINTAINERS = ['@acme/impact-maintainers'];

function parseCodeowners(text: string): Rule[] {
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return [];
    const [pattern = '', ...owners] = line.split(/\s+/);
    return [{ line: i + 1, pattern, owners }];
  });
}

/** GitHub's CODEOWNERS matching (gitignore patterns without negation or ranges) for a file path. */
function matches(pattern: string, path: string): boolean {
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  const directory = pattern.endsWith('/');
  const body = pattern.replace(/^\//, '').replace(/\/$/, '');
  const glob = body
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`${anchored ? '^' : '^(?:.*/)?'}${glob}${directory ? '/' : '(?:/|$)'}`).test(path);
}

/** The owners GitHub asks for: the last matching line wins. */
function ownersOf(rules: readonly Rule[], path: string): string[] {
  return rules.filter((rule) => matches(rule.pattern, path)).at(-1)?.owners ?? [];
}

/** The maintainers' paths (other than the catch-all) that a later line hands to someone else. */
function takenFromMaintainers(rules: readonly Rule[]): string[] {
  return rules
    .filter((rule) => rule.pattern !== '*' && rule.owners.join(' ') === MAINTAINERS.join(' '))
    .map((rule) => (rule.pattern.endsWith('/') ? `${rule.pattern.slice(1)}any/file.ts` : rule.pattern.slice(1)))
    .filter((path) => ownersOf(rules, path).join(' ') !== MAINTAINERS.join(' '));
}

describe('CODEOWNERS', () => {
  const rules = parseCodeowners(CODEOWNERS);

  it('parses: every line is a pattern and at least one owner, in syntax GitHub supports', () => {
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) {
      expect(rule.pattern, `line ${rule.line}`).not.toMatch(/^[!\\]|\[/);
      expect(rule.owners.length, `line ${rule.line}`).toBeGreaterThan(0);
      for (const owner of rule.owners) expect(owner, `line ${rule.line}`).toMatch(/^@[\w-]+(\/[\w.-]+)?$|^[^@\s]+@[^@\s]+\.[^@\s]+$/);
    }
  });

  it('sends each path to the reviewers the adopting guide promises', () => {
    const paths = [
      'content/goals/ci-speed.md',
      'content/people/ana.md',
      'content/accomplishments/2026-h1/cut-ci-time.md',
      'content/site.yaml',
      '.github/workflows/check.yml',
      'package.json',
      'package-lock.json',
      'astro.config.mjs',
      'src/cli/index.ts',
      'docs/adopting.md',
    ];
    expect(Object.fromEntries(paths.map((path) => [path, ownersOf(rules, path).join(' ')]))).toMatchInlineSnapshot(`
      {
        ".github/workflows/check.yml": "@acme/impact-maintainers",
        "astro.config.mjs": "@acme/impact-maintainers",
        "content/accomplishments/2026-h1/cut-ci-time.md": "@acme/platform-leads @acme/checkout-leads",
        "content/goals/ci-speed.md": "@acme/impact-leads",
        "content/people/ana.md": "@acme/impact-leads",
        "content/site.yaml": "@acme/impact-maintainers",
        "docs/adopting.md": "@acme/impact-maintainers",
        "package-lock.json": "@acme/impact-maintainers",
        "package.json": "@acme/impact-maintainers",
        "src/cli/index.ts": "@acme/impact-maintainers",
      }
    `);
  });

  it('lets no later line take a maintainers’ path away (the last match wins)', () => {
    expect(takenFromMaintainers(rules)).toEqual([]);
    // The same check catches a content rule added below the maintainers' block.
    const appended = parseCodeowners(`${CODEOWNERS}\n/content/   @acme/impact-leads\n`);
    expect(takenFromMaintainers(appended)).toEqual(['content/site.yaml']);
  });

  it('names reviewers for every cycle folder of the example content', () => {
    const cycles = readdirSync(join(REPO, 'content', 'accomplishments'));
    for (const cycle of cycles) expect(ownersOf(rules, `content/accomplishments/${cycle}/item.md`), cycle).not.toEqual(MAINTAINERS);
  });
});

describe('pull request template', () => {
  const template = readFileSync(join(REPO, '.github', 'PULL_REQUEST_TEMPLATE.md'), 'utf8');

  it('is a short checklist a contributor can tick', () => {
    const items = template.split('\n').filter((line) => line.startsWith('- '));
    expect(items.every((item) => item.startsWith('- [ ] '))).toBe(true);
    expect(items.map((item) => item.slice(6))).toMatchInlineSnapshot(`
      [
        "It names the goal and key result it moved, or says in \`unplanned\` why it mattered anyway.",
        "Evidence links (pull requests, dashboards, docs) back up the before → after numbers.",
        "I chose \`visibility\` on purpose. \`private\` stays out of every published site, but anyone who can read this repository can read the file.",
        "Everyone in \`authors\` knows they are listed.",
        "\`npm run check\` passes on my machine.",
      ]
    `);
    expect(template.split('\n').length).toBeLessThanOrEqual(15);
  });
});
