import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkFiles } from '../../../src/core/check.ts';
import { readEntry } from '../../../src/core/read/read-entry.ts';
import type { Content } from '../../../src/core/read/content.ts';
import { catalogContent, type WriteCatalog } from '../../../src/core/write/catalog.ts';
import { checkDraft, newDraft, type DraftResult } from '../../../src/core/write/check-draft.ts';
import { DraftSchema, frontMatterOf, readDraft, type Draft } from '../../../src/core/write/draft.ts';
import { writeCatalog } from '../../../src/lib/data-export.ts';
import { checkedSiteModel } from '../../../src/lib/site-model.ts';
import { siteUrls } from '../../../src/lib/urls.ts';
import { readContentTree } from '../../../src/node/fs.ts';
import type { SourceFile } from '../../../src/core/read/source-file.ts';
import { REPO } from '../../helpers.ts';

// The example team's content, as the team build's data exports hand it to the write page.
const TODAY = '2026-11-27';
const files = readContentTree(REPO);
const checked = checkFiles(files, { today: TODAY });
const catalog = catalogOf(checked.content);
const known = catalogContent(catalog);
const SECTIONS = checked.content.site!.data!.sections;
const settings = { sections: SECTIONS, today: TODAY };

function catalogOf(content: Content): WriteCatalog {
  return writeCatalog(checkedSiteModel(content, 'team', TODAY), siteUrls('/impact/'));
}

/** A complete, valid answer set on the example content: it moves a key result and shows a link. */
function good(): Draft {
  return {
    ...newDraft(catalog, TODAY, 'frictionless-checkout'),
    author: 'ana',
    coAuthors: ['dan'],
    title: 'Checkout works on flaky mobile connections',
    summary: 'Retries with idempotency keys, so a dropped request no longer loses the order.',
    goals: [{ goal: 'frictionless-checkout', key_result: '' }],
    date: '2026-11-20',
    evidence: [{ label: 'PR #812', url: 'https://github.com/acme/web/pull/812' }],
    sections: { Impact: 'Fewer lost orders on trains and in lifts.' },
  };
}

// The rules the browser leaves to the pull request's check: they need the Markdown parser or
// every item of every person.
const NOT_IN_BROWSER = new Set(['required-section', 'raw-html', 'unclosed-html', 'submission-count', 'over-claim']);

/** What `throughline check` says of the file this draft makes, on that file, in the browser's terms. */
function checkSays(draft: Draft, result: DraftResult): string[] {
  const path = result.path ?? 'content/accomplishments/2026-h2/draft.md';
  const text = result.markdown ?? `---\n${stringify(frontMatterOf(draft))}---\n\n## Impact\n\nText.\n`;
  const all: SourceFile[] = [...files, { path, text }];
  return checkFiles(all, { today: TODAY })
    .diagnostics.filter(
      (d) => d.file === path && !NOT_IN_BROWSER.has(d.rule) && !(d.rule === 'link-protocol' && d.message.includes(' in the body')),
    )
    .map((d) => `${d.rule}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}`)
    .sort();
}

function browserSays(result: DraftResult): string[] {
  return result.problems
    .filter((p) => p.rule !== 'form')
    .map((p) => `${p.rule}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`)
    .sort();
}

describe('checkDraft', () => {
  it('passes a complete draft, and the file it makes passes the check with nothing to say', () => {
    const result = checkDraft(good(), known, settings);
    expect(result.problems).toEqual([]);
    expect(result.path).toBe('content/accomplishments/2026-h2/checkout-works-on-flaky-mobile-connections.md');
    expect(checkSays(good(), result)).toEqual([]);
  });

  it('says what the check says, rule for rule and word for word, on each broken answer', () => {
    const cases: Partial<Draft>[] = [
      { goals: [{ goal: 'frictionles-checkout', key_result: '' }] },
      { goals: [{ goal: 'frictionless-checkout', key_result: 'p95' }] },
      { goals: [{ goal: 'ci-speed', key_result: '' }] },
      { date: '2026-05-01' },
      { date: '2026-12-24' },
      { date: '2026-02-30' },
      { title: 'x'.repeat(130) },
      { title: '' },
      { author: 'anna' },
      { author: '' },
      { coAuthors: ['anna'] },
      { isUnplanned: true, unplanned: '' },
      { impact: [{ metric: 'Lost orders', key_result: '', before: 'many', after: '3', unit: '%', better: 'lower' }] },
      { evidence: [{ label: 'Notes', url: 'javascript:alert(1)' }] },
      { evidence: [] },
      { tags: 'Mobile, ci' },
      { builds_on: ['2026-h1/nope'] },
      { sections: {} },
      { outcome: 'learning', sections: { Impact: 'Some.' } },
      { sections: { Impact: 'Fewer lost orders. '.repeat(1100) } },
      { sections: { Context: `${'> '.repeat(40)}Deep.`, Impact: 'Some.' } },
    ];
    for (const change of cases) {
      const draft = { ...good(), ...change };
      const result = checkDraft(draft, known, settings);
      expect(browserSays(result), JSON.stringify(change)).toEqual(checkSays(draft, result));
      expect(result.problems.length, `${JSON.stringify(change)} finds a problem`).toBeGreaterThan(0);
    }
  });

  it('puts each problem on its field, with the words a person reads beside it', () => {
    const draft: Draft = {
      ...good(),
      title: 'x'.repeat(130),
      goals: [
        { goal: 'frictionless-checkout', key_result: '' },
        { goal: 'ci-sped', key_result: '' },
      ],
      date: '2026-05-01',
      impact: [
        { metric: '', key_result: '', before: '', after: '', unit: '', better: '' },
        { metric: 'Lost orders', key_result: '', before: '12', after: 'few', unit: '%', better: '' },
      ],
      builds_on: ['', '2026-h1/nope'],
      sections: {},
    };
    const shown = checkDraft(draft, known, settings).problems.map(
      (p) => `${p.field} [${p.severity}] ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
    );
    expect(shown).toMatchInlineSnapshot(`
      [
        "title [error] \`title\` is 130 characters long, expected at most 120 (shorten it; the body has room for detail)",
        "impact.1.after [error] Unexpected text \`few\` for \`impact[0].after\`, expected a number",
        "goals.1 [error] Unknown goal \`ci-sped\` in \`goals[1]\`, expected the id of a file in \`content/goals/\` (did you mean \`ci-speed\`?)",
        "builds_on.1 [error] Unknown accomplishment \`2026-h1/nope\` in \`builds_on[0]\`, expected the id of a file in \`content/accomplishments/\` (create \`content/accomplishments/2026-h1/nope.md\`, or check the spelling)",
        "date [error] Date 2026-05-01 is outside cycle \`2026-h2\`, expected 2026-07-01 to 2026-12-31 (use the day the work landed; work from another cycle belongs in that cycle’s folder)",
      ]
    `);
  });

  it('refuses a file name that is taken, or no file name at all', () => {
    const taken = checkDraft({ ...good(), slug: catalog.items.find((i) => i.cycle === '2026-h2')!.id.split('/')[1]! }, known, settings);
    expect(taken.problems.filter((p) => p.field === 'slug').map((p) => p.message)).toEqual([`${taken.path!} exists already`]);
    const none = checkDraft({ ...good(), title: '—' }, known, settings);
    expect(none.problems.find((p) => p.field === 'slug')?.message).toBe('The title has no letters or digits to make a file name from');
    const bad = checkDraft({ ...good(), slug: 'Not A Name' }, known, settings);
    expect(bad.problems.find((p) => p.field === 'slug')?.message).toMatch(/^The file name is not a file name/);
  });

  it('starts a new draft in the open cycle, or in the cycle of the goal a page linked from', () => {
    expect(newDraft(catalog, TODAY)).toMatchObject({ cycle: '2026-h2', date: TODAY, goals: [], visibility: 'team', outcome: 'delivered' });
    expect(newDraft(catalog, TODAY, 'ci-speed')).toMatchObject({ cycle: '2026-h1', date: '2026-06-30', goals: [{ goal: 'ci-speed' }] });
  });

  it('writes private drafts where `new` does, out of git', () => {
    expect(checkDraft({ ...good(), visibility: 'private' }, known, settings).path).toBe(
      'content/.personal/accomplishments/2026-h2/checkout-works-on-flaky-mobile-connections.md',
    );
  });
});

describe('frontMatterOf', () => {
  it('is what the rendered file reads back as, for every shape of answer', () => {
    const drafts: Draft[] = [
      good(),
      { ...good(), isUnplanned: true, unplanned: 'The pager went off every night: #1 complaint.' },
      {
        ...good(),
        goals: [
          {
            goal: 'frictionless-checkout',
            key_result: catalog.goals.find((g) => g.id === 'frictionless-checkout')!.keyResults[0]?.id ?? '',
          },
          { goal: 'saved-payments', key_result: '' },
        ],
        impact: [
          { metric: 'Lost orders: "mobile"', key_result: '', before: '0.5', after: '-3', unit: '%', better: 'lower' },
          { metric: 'Retries', key_result: '', before: '1e3', after: '12', unit: 'req', better: '' },
        ],
        evidence: [
          { label: 'PR #812: "retry"', url: 'https://github.com/acme/web/pull/812?x=1#y' },
          { label: 'Dashboard', url: 'mailto:team@acme.example' },
        ],
        tags: 'mobile, checkout reliability',
        builds_on: [catalog.items.find((i) => i.date <= '2026-11-20')!.id],
        outcome: 'learning',
        visibility: 'public',
        sections: { Context: 'Line one\r\nline two', Impact: '- a\n- b', 'What we learned': 'Retry less.' },
      },
    ];
    for (const draft of drafts) {
      const result = checkDraft(draft, known, settings);
      expect(result.markdown, JSON.stringify(result.problems)).toBeDefined();
      const read = readEntry(result.markdown!);
      expect(read.ok && read.data).toEqual(frontMatterOf(draft));
    }
  });
});

describe('readDraft', () => {
  it('keeps what it can of a stored draft and refuses what is not one', () => {
    expect(readDraft(null)).toBeUndefined();
    expect(readDraft('{not json')).toBeUndefined();
    expect(readDraft('[]')).toBeUndefined();
    const partial = readDraft(JSON.stringify({ title: 'Kept', impact: 'not a list', outcome: 'won' }));
    expect(partial).toEqual({ ...DraftSchema.parse({}), title: 'Kept' });
  });
});
