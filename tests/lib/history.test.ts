import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatting } from '../../src/lib/format.ts';
import { changeText, moveText, siteHistory } from '../../src/lib/history.ts';
import { keyResultChart } from '../../src/lib/history-chart.ts';
import { siteModel } from '../../src/lib/site-model.ts';
import { readHistory } from '../../src/node/history.ts';
import type { GoalState, HistoryEntry } from '../../src/schema/history.ts';
import { commitOn, git, makeTree } from '../helpers.ts';
import { content, goal, item } from './fixture.ts';

// The content's past, from one `git log` over scripted commits: each goal's versions with the day
// each landed, followed through renames; each item's commits; and, when git cannot tell, why not.

/** A commit whose day is `date`; its full hash. */
function commit(root: string, date: string, message: string): string {
  commitOn(root, date, message);
  return git(root, 'rev-parse', 'HEAD').trim();
}

function edit(root: string, path: string, from: string | RegExp, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${path} holds ${String(from)}`).not.toBe(text);
  writeFileSync(file, next);
}

const GOAL = 'content/goals/ci-speed.md';
const ITEM = 'content/accomplishments/2026-h1/cut-ci-time.md';

/** The base fixture's history: set up in March, measured in April, retargeted in May. */
function scripted(): { root: string; commits: string[] } {
  const root = makeTree();
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  const commits = [commit(root, '2026-03-01', 'start')];
  edit(root, GOAL, 'current: 12', 'current: 11');
  commits.push(commit(root, '2026-04-10', 'measured'));
  // A title is no event: this commit leaves no version.
  edit(root, GOAL, 'title: Halve CI time', 'title: Halve the CI time');
  commits.push(commit(root, '2026-04-20', 'reworded'));
  edit(root, GOAL, 'target: 10', 'target: 8');
  commits.push(commit(root, '2026-05-20', 'retargeted'));
  edit(root, ITEM, /summary: .*/, 'summary: Sharded the tests and cached the builds.');
  commits.push(commit(root, '2026-07-05', 'late edit'));
  return { root, commits };
}

describe('reading history from git', () => {
  it("tells each goal's versions and each item's commits, oldest first, from one git log", async () => {
    const { root, commits } = scripted();
    const history = await readHistory(root);
    if (!history.available) throw new Error(`no history: ${history.gap}`);
    const versions = history.goals.get('ci-speed') ?? [];
    expect(versions.map((v) => [v.commit, v.date, v.state.key_results[0]?.current, v.state.key_results[0]?.target])).toEqual([
      [commits[0], '2026-03-01', 12, 10],
      [commits[1], '2026-04-10', 11, 10],
      [commits[3], '2026-05-20', 11, 8],
    ]);
    expect(history.items.get('2026-h1/cut-ci-time')?.map((c) => c.date)).toEqual(['2026-03-01', '2026-07-05']);
    expect(history.warnings).toEqual([]);
  });

  it('follows a goal through a rename, so its past stays with it', async () => {
    const { root } = scripted();
    renameSync(join(root, GOAL), join(root, 'content/goals/ci-time.md'));
    commit(root, '2026-08-01', 'renamed');
    const history = await readHistory(root);
    if (!history.available) throw new Error(`no history: ${history.gap}`);
    expect(history.goals.has('ci-speed')).toBe(false);
    expect(history.goals.get('ci-time')?.map((v) => v.date)).toEqual(['2026-03-01', '2026-04-10', '2026-05-20']);
  });

  it('skips a version that cannot be read, says which, and keeps the rest', async () => {
    const { root } = scripted();
    edit(root, GOAL, 'current: 11', 'current: [11');
    const broken = commit(root, '2026-06-01', 'broken');
    edit(root, GOAL, 'current: [11', 'current: 9');
    commit(root, '2026-06-02', 'fixed');
    const history = await readHistory(root);
    if (!history.available) throw new Error(`no history: ${history.gap}`);
    expect(history.goals.get('ci-speed')?.map((v) => v.state.key_results[0]?.current)).toEqual([12, 11, 11, 9]);
    expect(history.warnings).toEqual([
      { path: GOAL, stamp: { commit: broken, date: '2026-06-01' }, reason: 'its front matter is not valid YAML' },
    ]);
  });

  it('says history is unavailable in a shallow clone, and outside git', async () => {
    const { root } = scripted();
    const clone = join(mkdtempSync(join(tmpdir(), 'throughline-shallow-')), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    expect(await readHistory(clone)).toEqual({ available: false, gap: 'shallow' });
    expect(await readHistory(makeTree())).toEqual({ available: false, gap: 'not-a-repository' });
  });
});

describe('the history the pages show', () => {
  const state = (target: number, current: number, extra: Partial<GoalState> = {}): GoalState => ({
    cycle: 'c1',
    status: 'on-track',
    visibility: 'team',
    key_results: [{ id: 'pages', unit: 'pages', baseline: 31, target, current }],
    ...extra,
  });
  const stamp = (n: number, date: string) => ({ commit: String(n).repeat(40), date });
  const kr = { id: 'pages', title: 'Pages a week', unit: 'pages', baseline: 31, target: 5, current: 16 };
  const input = content({
    goals: [goal('g1', { key_results: [kr] }), goal('top'), goal('secret', { visibility: 'private' })],
    accomplishments: [item('i1', { date: '2026-03-14', goals: [{ goal: 'g1', key_result: 'pages' }] })],
  });
  const entries: { id: string; data: HistoryEntry }[] = [
    { id: 'state', data: { kind: 'state', available: true } },
    {
      id: 'goal/g1',
      data: {
        kind: 'goal',
        versions: [
          { ...stamp(1, '2026-01-10'), state: state(10, 31) },
          { ...stamp(2, '2026-02-01'), state: state(10, 20, { parent: 'top' }) },
          { ...stamp(3, '2026-04-20'), state: state(5, 20, { parent: 'secret' }) },
          { ...stamp(4, '2026-06-01'), state: state(5, 16, { parent: 'secret', status: 'dropped' }) },
        ],
      },
    },
    { id: 'item/i1', data: { kind: 'item', commits: [stamp(5, '2026-03-14'), stamp(6, '2026-07-02')] } },
  ];

  it('says what moved after the item landed, and never names a goal the build hides', () => {
    const site = siteModel(input, 'team', '2026-11-27');
    const moves = siteHistory(entries, site).movesAfter(site.item('i1')!);
    expect(
      moves.map(({ goal, ...move }) => ({ goal: goal.id, ...move, ...('keyResult' in move ? { keyResult: move.keyResult.id } : {}) })),
    ).toEqual([
      { goal: 'g1', kind: 'reparented', date: '2026-04-20', from: site.goal('top'), to: 'hidden' },
      {
        goal: 'g1',
        kind: 'retargeted',
        date: '2026-04-20',
        keyResult: 'pages',
        field: 'target',
        was: '10',
        now: '5',
        units: { was: 'pages', now: 'pages' },
      },
      { goal: 'g1', kind: 'dropped', date: '2026-06-01' },
    ]);
  });

  it('says each move in words, against the day the item landed', () => {
    const site = siteModel(input, 'team', '2026-11-27');
    const landed = site.item('i1')!;
    expect(
      siteHistory(entries, site)
        .movesAfter(landed)
        .map((move) => moveText(move, landed.data.date, formatting('en'))),
    ).toMatchInlineSnapshot(`
        [
          "When this landed (Mar 14, 2026), “Goal g1” served “Goal top”; since Apr 20, 2026 it serves a goal this site does not show.",
          "When this landed (Mar 14, 2026), the target of Pages a week was 10 pages; it changed to 5 pages on Apr 20, 2026.",
          "When this landed (Mar 14, 2026), “Goal g1” was being pursued; it was dropped on Jun 1, 2026.",
        ]
      `);
  });

  it("draws a key result's values over time and marks it stale after the site's days", () => {
    const site = siteModel(input, 'team', '2026-07-01');
    expect(siteHistory(entries, site).keyResult('g1', 'pages')).toEqual({
      points: [
        { ...stamp(1, '2026-01-10'), value: 31 },
        { ...stamp(2, '2026-02-01'), value: 20 },
        { ...stamp(4, '2026-06-01'), value: 16 },
      ],
      updated: '2026-06-01',
      stale: false,
    });
    expect(siteHistory(entries, siteModel(input, 'team', '2026-07-02')).keyResult('g1', 'pages')?.stale).toBe(true);
  });

  it("dates an item's submission and last edit, and the edits after its cycle's due date", () => {
    const site = siteModel(
      { ...input, cycles: input.cycles.map((c) => ({ ...c, data: { ...c.data, due: '2026-06-30' } })) },
      'team',
      '2026-11-27',
    );
    expect(siteHistory(entries, site).item(site.item('i1')!)).toEqual({
      submitted: stamp(5, '2026-03-14'),
      edited: stamp(6, '2026-07-02'),
      afterDue: [stamp(6, '2026-07-02')],
    });
  });

  it('shows nothing of a goal or item the build hides, and nothing without history', () => {
    const site = siteModel(input, 'public', '2026-11-27');
    expect(siteHistory(entries, site).keyResult('g1', 'pages')).toBeUndefined();
    const none = siteHistory(
      [{ id: 'state', data: { kind: 'state', available: false, gap: 'shallow' } }],
      siteModel(input, 'team', '2026-11-27'),
    );
    expect([none.available, none.gap, none.keyResult('g1', 'pages')]).toEqual([false, 'shallow', undefined]);
  });
});

describe('a cycle against the one before', () => {
  const kr = { id: 'pages', title: 'Pages a week', unit: 'pages', baseline: 31, target: 5, current: 16 };
  const input = content({
    goals: [
      goal('carried', { cycle: 'c2', key_results: [kr] }),
      goal('fresh', { cycle: 'c2' }),
      goal('gone', { cycle: 'c1', status: 'dropped' }),
      goal('kept', { cycle: 'c1', status: 'done' }),
    ],
  });
  const state = (cycle: string, target: number): GoalState => ({
    cycle,
    status: 'on-track',
    visibility: 'team',
    key_results: [{ id: 'pages', unit: 'pages', baseline: 31, target, current: 20 }],
  });
  const entries: { id: string; data: HistoryEntry }[] = [
    { id: 'state', data: { kind: 'state', available: true } },
    {
      id: 'goal/carried',
      data: {
        kind: 'goal',
        versions: [
          { commit: '1'.repeat(40), date: '2026-01-10', state: state('c1', 10) },
          { commit: '2'.repeat(40), date: '2026-07-01', state: state('c2', 10) },
          { commit: '3'.repeat(40), date: '2026-08-15', state: state('c2', 5) },
        ],
      },
    },
  ];

  it('lists new, carried-over and dropped goals, and what moved while the cycle ran', () => {
    const site = siteModel(input, 'team', '2026-11-27');
    const since = siteHistory(entries, site).sincePrevious('c2')!;
    expect({
      previous: since.previous.id,
      added: since.added.map((g) => g.id),
      carried: since.carried.map((g) => g.id),
      dropped: since.dropped.map((g) => g.id),
      moves: since.moves.map((move) => changeText(move, formatting('en'))),
    }).toMatchInlineSnapshot(`
      {
        "added": [
          "fresh",
        ],
        "carried": [
          "carried",
        ],
        "dropped": [
          "gone",
        ],
        "moves": [
          "The target of Pages a week (“Goal carried”) changed from 10 pages to 5 pages on Aug 15, 2026.",
        ],
        "previous": "c1",
      }
    `);
    expect(siteHistory(entries, site).sincePrevious('c1')).toBeUndefined();
  });
});

describe('the key result chart', () => {
  const point = (date: string, value: number) => ({ commit: 'a'.repeat(40), date, value });

  it('steps from value to value up to today, within a range holding baseline and target', () => {
    const chart = keyResultChart([point('2026-01-01', 31), point('2026-01-11', 20)], { baseline: 31, target: 10 }, '2026-01-21');
    // Days 0, 10 and 20 of 20 across 6..474; values 31 (top) to 10 (bottom) padded by a tenth.
    expect(chart.dots.map(({ x, y }) => [x, y])).toEqual([
      [6, 16.7],
      [240, 62.1],
    ]);
    expect(chart.line).toBe('M6 16.7H240V62.1H474');
    expect([chart.baselineY, chart.targetY]).toEqual([16.7, 103.3]);
  });
});
