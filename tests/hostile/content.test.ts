import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repoUrls, siteUrls } from '../../src/lib/urls.ts';
import { branchNameProblem } from '../../src/schema/site.ts';
import { ID_PATTERN } from '../../src/schema/common.ts';
import { FIXTURES, output } from '../helpers.ts';

// Hostile values in otherwise valid content: each is refused by the check with a diagnostic a
// contributor can act on, or shown harmlessly.

const SITE = readFileSync(join(FIXTURES, 'base/content/site.yaml'), 'utf8');
const GOAL = readFileSync(join(FIXTURES, 'base/content/goals/ci-speed.md'), 'utf8');

describe('numbers (defect 9)', () => {
  it('refuses key result values so large that progress would be NaN', () => {
    const goal = GOAL.replace('baseline: 20', 'baseline: -1e308').replace('target: 10', 'target: 1e308');
    expect(output(undefined, { files: { 'content/goals/ci-speed.md': goal } })).toMatchInlineSnapshot(`
      "exit 1
      content/goals/ci-speed.md:12:5 error invalid-value Unexpected -1e+308 for \`key_results[0].baseline\`, expected at least -1e15
          11 |     unit: min
        > 12 |     baseline: -1e308
             |     ^^^^^^^^^^^^^^^^
          13 |     target: 1e308

      content/goals/ci-speed.md:13:5 error invalid-value Unexpected 1e+308 for \`key_results[0].target\`, expected at most 1e15
          12 |     baseline: -1e308
        > 13 |     target: 1e308
             |     ^^^^^^^^^^^^^
          14 |     current: 12

      ✖ 2 errors and 0 warnings in 1 file (11 files checked)
      "
    `);
  });
});

describe('the branch in site.yaml (defect 12)', () => {
  it('refuses a branch that would point edit links at another repository', () => {
    const site = `${SITE}branch: ../../../evil-org/evil-repo/edit/main\n`;
    expect(output(undefined, { files: { 'content/site.yaml': site } })).toMatchInlineSnapshot(`
      "exit 1
      content/site.yaml:6:1 error invalid-value Invalid \`../../../evil-org/evil-repo/edit/main\` for \`branch\`, expected a git branch name such as \`main\`
        hint: a branch name has no \`..\`
          5 | audience: team
        > 6 | branch: ../../../evil-org/evil-repo/edit/main
            | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          7 |

      ✖ 1 error and 0 warnings in 1 file (11 files checked)
      "
    `);
  });

  it('accepts what git accepts and refuses what git refuses', () => {
    const valid = ['main', 'release/2026-h1', 'feature/#12', 'v1.2', 'user@team', 'ünïcode'];
    const invalid = [
      '..',
      'a..b',
      '/main',
      'main/',
      'a//b',
      '-main',
      '.hidden',
      'a/.b',
      'x.lock',
      'end.',
      'a b',
      'a\tb',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      '@',
      'a@{1}',
      'a\u007fb',
    ];
    expect(valid.filter((name) => branchNameProblem(name) !== undefined)).toEqual([]);
    expect(invalid.filter((name) => branchNameProblem(name) === undefined)).toEqual([]);
  });

  it('percent-encodes every path segment of repository links', () => {
    const links = repoUrls('https://github.com/acme/impact/', 'feature/#12');
    expect([links.edit('accomplishments', '2026-h1/cut-ci'), links.submit(), links.newItem('2026-h1')]).toEqual([
      'https://github.com/acme/impact/edit/feature/%2312/content/accomplishments/2026-h1/cut-ci.md',
      'https://github.com/acme/impact/blob/feature/%2312/docs/submitting.md',
      'https://github.com/acme/impact/new/feature/%2312/content/accomplishments/2026-h1',
    ]);
  });
});

describe('ids and page addresses (defect 10)', () => {
  it('never gives a person the address of a page of the people index', () => {
    const id = fc.stringMatching(ID_PATTERN).filter((s) => s.length <= 64);
    fc.assert(
      fc.property(id, fc.integer({ min: 2, max: 10_000 }), (person, page) => {
        const urls = siteUrls('/impact');
        expect(urls.person(person)).not.toBe(urls.people(page));
      }),
    );
    expect(siteUrls('/impact').person('2')).not.toBe(siteUrls('/impact').people(2));
  });
});
