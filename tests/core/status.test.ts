import { describe, expect, it } from 'vitest';
import { readContentTree } from '../../src/node/fs.ts';
import { checkFiles } from '../../src/core/check.ts';
import { valid } from '../../src/core/read/content.ts';
import { cycleStatus, daysBetween, dueText, stateText } from '../../src/core/model/status.ts';
import { itemsPerPerson } from '../../src/core/model/submission-counts.ts';
import { itemText, makeTree, TODAY, type TreeOptions } from '../helpers.ts';

const ITEMS = 'content/accomplishments/2026-h1';

function load(options: TreeOptions = {}, today = TODAY) {
  return checkFiles(readContentTree(makeTree(undefined, options)), { today });
}

describe('cycleStatus', () => {
  it('reads the base fixture: counts, gaps, items with no evidence (private ones only counted)', () => {
    const { content } = load();
    expect(cycleStatus(content, '2026-h1', TODAY)).toMatchInlineSnapshot(`
      {
        "cycle": {
          "daysLeft": -140,
          "due": "2026-07-10",
          "end": "2026-06-30",
          "id": "2026-h1",
          "items": 3,
          "name": "H1 2026",
          "start": "2026-01-01",
          "submissions": {
            "max": 3,
            "min": 1,
          },
        },
        "goalsWithoutItems": [],
        "itemsWithoutEvidence": {
          "items": [],
          "private": 1,
        },
        "keyResultsWithoutItems": [],
        "overClaimed": [],
        "people": [
          {
            "drafts": 0,
            "exempt": false,
            "id": "ana",
            "items": 1,
            "name": "Ana Silva",
            "state": "within",
          },
          {
            "drafts": 0,
            "exempt": false,
            "id": "ben",
            "items": 2,
            "name": "Ben Carter",
            "state": "within",
          },
          {
            "drafts": 0,
            "exempt": false,
            "id": "cleo",
            "items": 1,
            "name": "Cleo Park",
            "state": "within",
          },
        ],
        "today": "2026-11-27",
      }
    `);
  });

  it('counts exactly as the submission-count check: no drafts, every visibility, each author once per item', () => {
    const files = {
      [`${ITEMS}/twice.md`]: itemText({ title: 'Listed twice', authors: ['cleo', 'cleo'], visibility: 'private' }),
      [`${ITEMS}/draft.md`]: itemText({ title: 'Not yet', authors: ['cleo'], draft: true }),
      [`${ITEMS}/more.md`]: itemText({ title: 'More', authors: ['cleo', 'ana'] }),
      [`${ITEMS}/third.md`]: itemText({ title: 'Third', authors: ['cleo'] }),
    };
    const { content, diagnostics } = load({ files });
    const people = cycleStatus(content, '2026-h1', TODAY).people;
    expect(people.map((p) => `${p.name}: ${p.items} (+${p.drafts} draft) ${p.state}`)).toMatchInlineSnapshot(`
      [
        "Ana Silva: 2 (+0 draft) within",
        "Ben Carter: 2 (+0 draft) within",
        "Cleo Park: 4 (+1 draft) above",
      ]
    `);
    // The check flags exactly those outside 1–3, with the same number.
    expect(diagnostics.filter((d) => d.rule === 'submission-count').map((d) => d.message)).toMatchInlineSnapshot(`
      [
        "Cleo Park has 4 accomplishments in cycle \`2026-h1\`, expected at most 3",
      ]
    `);
    expect([...itemsPerPerson(valid(content, 'accomplishments'), '2026-h1').get('cleo')!].map((i) => i.id)).toMatchInlineSnapshot(`
      [
        "2026-h1/fix-login-loop",
        "2026-h1/more",
        "2026-h1/third",
        "2026-h1/twice",
      ]
    `);
  });

  it('lists people alphabetically by name, never by count', () => {
    const files = {
      'content/people/aaron.md': '---\nname: Zed Young\nrole: Engineer\nteam: core\n---\n',
      'content/people/zoe.md': '---\nname: Abe Zimmer\nrole: Engineer\nteam: core\n---\n',
      [`${ITEMS}/z1.md`]: itemText({ title: 'One', authors: ['aaron'] }),
      [`${ITEMS}/z2.md`]: itemText({ title: 'Two', authors: ['aaron'] }),
    };
    const { content } = load({ files });
    expect(cycleStatus(content, '2026-h1', TODAY).people.map((p) => `${p.name} ${p.items}`)).toMatchInlineSnapshot(`
      [
        "Abe Zimmer 0",
        "Ana Silva 1",
        "Ben Carter 2",
        "Cleo Park 1",
        "Zed Young 2",
      ]
    `);
  });

  it('finds goals no item moves, key results no item names, and over-claims', () => {
    const files = {
      'content/goals/docs.md':
        '---\ntitle: Write the runbook\nowner: ana\nteam: core\ncycle: 2026-h1\nstatus: at-risk\nkey_results:\n  - {id: pages, title: Runbook pages, unit: pages, baseline: 0, target: 20, current: 4}\n---\n',
      'content/goals/old.md': '---\ntitle: Dropped goal\nowner: ana\nteam: core\ncycle: 2026-h1\nstatus: dropped\n---\n',
      // Names ci-p50 only through `impact`, as the site counts it, and claims too much with it.
      [`${ITEMS}/also-claims.md`]: itemText({
        title: 'Warm cache',
        goals: ['ci-speed'],
        impact: [{ metric: 'Median CI time', key_result: 'ci-p50', before: 14, after: 11, unit: 'min' }],
      }),
    };
    const { content } = load({ files });
    const status = cycleStatus(content, '2026-h1', TODAY);
    expect({
      goals: status.goalsWithoutItems,
      keyResults: status.keyResultsWithoutItems,
      overClaimed: status.overClaimed,
    }).toMatchInlineSnapshot(`
      {
        "goals": [
          {
            "id": "docs",
            "title": "Write the runbook",
          },
        ],
        "keyResults": [
          {
            "goal": {
              "id": "docs",
              "title": "Write the runbook",
            },
            "keyResult": {
              "id": "pages",
              "title": "Runbook pages",
            },
          },
        ],
        "overClaimed": [
          {
            "actual": -8,
            "baseline": 20,
            "claimed": -9,
            "claims": 2,
            "current": 12,
            "goal": {
              "id": "ci-speed",
              "title": "Halve CI time",
            },
            "keyResult": {
              "id": "ci-p50",
              "title": "Median CI time",
            },
            "unit": "min",
          },
        ],
      }
    `);
  });

  it('a goal counts as moved when an item moves a goal below it', () => {
    // No item names ship-faster; cut-ci-time moves ci-speed, which serves it.
    const moved = (options: TreeOptions) => cycleStatus(load(options).content, '2026-h1', TODAY).goalsWithoutItems.map((g) => g.id);
    expect(moved({})).toEqual([]);
    expect(moved({ remove: [`${ITEMS}/cut-ci-time.md`, `${ITEMS}/try-remote-cache.md`] })).toEqual(['ci-speed', 'ship-faster']);
  });
});

describe('wording', () => {
  it('says how far the due date is', () => {
    expect([5, 1, 0, -1, -140].map((days) => dueText('2026-07-10', days))).toMatchInlineSnapshot(`
      [
        "due 2026-07-10, 5 days left",
        "due 2026-07-10, 1 day left",
        "due today (2026-07-10)",
        "was due 2026-07-10, 1 day ago",
        "was due 2026-07-10, 140 days ago",
      ]
    `);
    expect(daysBetween('2026-11-27', '2026-07-10')).toBe(-140);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
  it('names where a count stands without scoring it', () => {
    expect([0, 1, 3, 5, 6].map((n) => `${n}: ${stateText(n, 3, 5)}`)).toMatchInlineSnapshot(`
      [
        "0: needs 3 more",
        "1: needs 2 more",
        "3: ok",
        "5: ok",
        "6: over by 1",
      ]
    `);
  });
});
