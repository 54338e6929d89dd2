import { describe, expect, it } from 'vitest';
import { formatting } from '../../src/lib/format.ts';
import { fitLabel, wrapLabel } from '../../src/lib/map-geometry.ts';
import {
  goalMapInput,
  goalMapPages,
  layoutMap,
  PER_GOAL_MAP,
  PER_GOAL_PAGE_ITEMS,
  topGoals,
  type MapInput,
  type MapLayout,
  type MapNode,
} from '../../src/lib/map.ts';
import type { Accomplishment, Goal, GoalLink } from '../../src/schema/index.ts';

const href: MapInput['href'] = { goal: (id) => `/goals/${id}/`, item: (id) => `/items/${id}/` };
const format = formatting('en');

function goal(id: string, title: string, extra: { parent?: string; krs?: string[] } = {}): MapInput['goals'][number] {
  const data: Goal = {
    title,
    owner: 'ana',
    team: 'core',
    cycle: '2026-h1',
    status: 'on-track',
    visibility: 'team',
    key_results: (extra.krs ?? []).map((kr) => ({ id: kr, title: `KR ${kr}`, unit: '%', baseline: 0, target: 10, current: 5 })),
  };
  return { id, data: extra.parent === undefined ? data : { ...data, parent: extra.parent } };
}

function item(id: string, title: string, goals: GoalLink[], outcome: Accomplishment['outcome'] = 'delivered'): MapInput['items'][number] {
  const data: Accomplishment = {
    title,
    summary: 'Done.',
    authors: ['ana'],
    cycle: '2026-h1',
    date: '2026-03-01',
    goals,
    outcome,
    impact: [],
    evidence: [],
    builds_on: [],
    tags: [],
    visibility: 'team',
    draft: false,
  };
  return { id, data: goals.length === 0 ? { ...data, unplanned: 'Someone had to.' } : data };
}

// Two top goals (listed out of order), two children of one of them, key results, and items that
// link to a key result, to a goal directly, to two places, to a hidden goal, and to nothing.
const small: MapInput = {
  href,
  format,
  goals: [
    goal('ship-faster', 'Ship faster'),
    goal('ci-speed', 'Halve CI time', { parent: 'ship-faster', krs: ['ci-p50', 'ci-flaky'] }),
    goal('docs', 'Better docs', { parent: 'ship-faster' }),
    goal('reliability', 'Be reliable', { krs: ['uptime'] }),
  ],
  items: [
    item('h1/cut-ci', 'Cut CI time', [{ goal: 'ci-speed', key_result: 'ci-p50' }]),
    item('h1/flaky', 'Quarantine flaky tests', [
      { goal: 'ci-speed', key_result: 'ci-flaky' },
      { goal: 'reliability', key_result: 'uptime' },
    ]),
    item('h1/docs-site', 'New docs site', [{ goal: 'docs' }], 'partial'),
    item('h1/remote-cache', 'Try a remote cache', [{ goal: 'ci-speed' }], 'learning'),
    item('h1/secret', 'Secret work', [{ goal: 'not-in-build' }], 'missed'),
    item('h1/runbook', 'Rewrote the on-call runbook', []),
  ],
};

const keys = (layout: MapLayout, column: number): string[] => layout.nodes.filter((node) => node.column === column).map((node) => node.key);
const node = (layout: MapLayout, key: string): MapNode => layout.nodes.find((candidate) => candidate.key === key)!;
const byY = (layout: MapLayout, column: number): string[] =>
  layout.nodes
    .filter((candidate) => candidate.column === column)
    .sort((a, b) => a.y - b.y)
    .map((candidate) => candidate.key);

/**
 * An upper bound on GoalMap's markup for a layout. Per node: an <a> with <title>, <rect>, a mark
 * and <text>, about 230 bytes besides its text; per edge a <path> of 18 bytes besides its data.
 * Checked against the component rendered with Astro's container API: 63.6 KB (estimated 84 KB)
 * for 120 items, 77 KB for 120 items with four links each, 19.9 KB (estimated 31 KB) for 10,000.
 */
function estimatedBytes(layout: MapLayout): number {
  const text = layout.nodes.reduce((sum, n) => sum + n.label.length + n.title.length + (n.href?.length ?? 0), 0);
  const paths = layout.edges.reduce((sum, e) => sum + e.d.length + 40, 0);
  return 2_000 + layout.nodes.length * 300 + text + paths;
}

describe('layoutMap on a small tree', () => {
  const layout = layoutMap(small);

  it('orders goals depth-first, siblings alphabetical, children indented under parents', () => {
    expect(keys(layout, 0)).toEqual(['goal:reliability', 'goal:ship-faster', 'goal:docs', 'goal:ci-speed']);
    expect(byY(layout, 0)).toEqual(keys(layout, 0));
    expect(layout.nodes.filter((n) => n.kind === 'goal').map((n) => n.depth)).toEqual([0, 0, 1, 1]);
    expect(node(layout, 'goal:docs').x).toBeGreaterThan(node(layout, 'goal:ship-faster').x);
    // Every goal ends at the same right edge, so edges into the next column start level.
    expect(new Set(layout.nodes.filter((n) => n.column === 0).map((n) => n.x + n.width)).size).toBe(1);
  });

  it('orders key results after their goals, and items after what they attach to', () => {
    // ci-flaky's item sits up beside reliability's key result, so ci-flaky moves up: one crossing fewer.
    expect(byY(layout, 1)).toEqual(['kr:reliability/uptime', 'kr:ci-speed/ci-flaky', 'kr:ci-speed/ci-p50']);
    expect(byY(layoutMap(small, { reduceCrossings: false }), 1)).toEqual([
      'kr:reliability/uptime',
      'kr:ci-speed/ci-p50',
      'kr:ci-speed/ci-flaky',
    ]);
    expect(byY(layout, 2)).toEqual([
      'item:h1/flaky', // its first target in map order is reliability's key result
      'item:h1/docs-site',
      'item:h1/remote-cache',
      'item:h1/cut-ci',
      'group:hidden',
      'item:h1/secret',
      'group:unplanned',
      'item:h1/runbook',
    ]);
    expect(node(layout, 'group:unplanned').label).toBe('Unplanned work');
    expect(node(layout, 'group:unplanned').href).toBeUndefined();
  });

  it('puts each node in its column, and the items beside what they attach to', () => {
    for (const n of layout.nodes) expect(n.x).toBeGreaterThanOrEqual(layout.columns[n.column].x);
    expect(layout.columns.map((column) => column.heading)).toEqual(['Goals', 'Key results', 'Items']);
    expect(node(layout, 'kr:ci-speed/ci-p50').y).toBe(node(layout, 'item:h1/cut-ci').y);
    expect(node(layout, 'goal:docs').y).toBe(node(layout, 'item:h1/docs-site').y);
    // Items on the goal itself sit above the goal's first key result, not beside it.
    expect(node(layout, 'goal:ci-speed').y).toBe(node(layout, 'item:h1/remote-cache').y);
    expect(node(layout, 'kr:ci-speed/ci-p50').y).toBeGreaterThan(node(layout, 'item:h1/remote-cache').y);
  });

  it('draws an item linked twice once, with an edge to each place', () => {
    expect(layout.nodes.filter((n) => n.key === 'item:h1/flaky')).toHaveLength(1);
    const links = layout.edges.filter((edge) => edge.kind === 'link').map((edge) => `${edge.from} -> ${edge.to}`);
    expect(links.sort()).toEqual(
      [
        'goal:reliability -> kr:reliability/uptime',
        'goal:ci-speed -> kr:ci-speed/ci-p50',
        'goal:ci-speed -> kr:ci-speed/ci-flaky',
        'kr:reliability/uptime -> item:h1/flaky',
        'kr:ci-speed/ci-flaky -> item:h1/flaky',
        'goal:docs -> item:h1/docs-site',
        'goal:ci-speed -> item:h1/remote-cache',
        'kr:ci-speed/ci-p50 -> item:h1/cut-ci',
      ].sort(),
    );
    const tree = layout.edges.filter((edge) => edge.kind === 'tree').map((edge) => `${edge.from} -> ${edge.to}`);
    expect(tree).toEqual(['goal:ship-faster -> goal:docs', 'goal:ship-faster -> goal:ci-speed']);
  });

  it('draws link edges as cubic Bézier curves from the right side of one node to the left side of the next', () => {
    for (const edge of layout.edges.filter((e) => e.kind === 'link')) {
      const from = node(layout, edge.from);
      const to = node(layout, edge.to);
      const numbers = edge.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(edge.d).toMatch(/^M\S+ \S+C\S+ \S+ \S+ \S+ \S+ \S+$/);
      expect(numbers.slice(0, 2)).toEqual([from.x + from.width, from.y + from.height / 2]);
      expect(numbers.slice(-2)).toEqual([to.x, to.y + to.height / 2]);
    }
  });

  it('links nodes to goal pages, key-result anchors and item pages, and names items with their outcome', () => {
    expect(node(layout, 'goal:ci-speed')).toMatchObject({
      href: '/goals/ci-speed/',
      title: 'Halve CI time (goal, on track)',
      label: 'Halve CI time',
    });
    expect(node(layout, 'kr:ci-speed/ci-p50').href).toBe('/goals/ci-speed/#kr-ci-p50');
    expect(node(layout, 'item:h1/docs-site')).toMatchObject({
      href: '/items/h1/docs-site/',
      outcome: 'partial',
      title: 'New docs site (partly delivered)',
    });
    // The hidden goal's id appears nowhere.
    expect(JSON.stringify(layout)).not.toContain('not-in-build');
  });

  it('never overlaps two nodes in a column and keeps every node inside the picture', () => {
    expect(new Set(layout.nodes.map((n) => n.key)).size).toBe(layout.nodes.length);
    for (const column of [0, 1, 2]) {
      const stack = layout.nodes.filter((n) => n.column === column).sort((a, b) => a.y - b.y);
      for (let i = 1; i < stack.length; i++) expect(stack[i]!.y).toBeGreaterThanOrEqual(stack[i - 1]!.y + stack[i - 1]!.height);
    }
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
      expect(n.y).toBeGreaterThan(layout.headingY);
    }
  });

  it('is deterministic: the same content in any order gives the same layout', () => {
    const reversed: MapInput = { href, format, goals: [...small.goals].reverse(), items: [...small.items].reverse() };
    expect(layoutMap(reversed)).toEqual(layout);
    expect(layoutMap(small)).toEqual(layout);
  });
});

describe('aggregation', () => {
  it('draws one node per item up to maxItemNodes, and totals above it', () => {
    expect(layoutMap(small, { maxItemNodes: 6 }).aggregated).toBe(false);
    const layout = layoutMap({ ...small, href: { ...href, unplanned: '/#unplanned' } }, { maxItemNodes: 5 });
    expect(layout.aggregated).toBe(true);
    expect(layout.nodes.filter((n) => n.kind === 'item')).toEqual([]);
    expect(byY(layout, 2)).toEqual([
      'agg:kr:reliability/uptime',
      'agg:goal:docs',
      'agg:goal:ci-speed',
      'agg:kr:ci-speed/ci-p50',
      'agg:kr:ci-speed/ci-flaky', // the item linked twice counts at both places
      'group:hidden',
      'agg:group:hidden',
      'group:unplanned',
      'agg:group:unplanned',
    ]);
    expect(node(layout, 'agg:kr:ci-speed/ci-p50')).toMatchObject({ label: '1 item', count: 1, href: '/goals/ci-speed/#kr-ci-p50' });
    expect(node(layout, 'agg:goal:docs').href).toBe('/goals/docs/#items');
    expect(node(layout, 'agg:group:unplanned').href).toBe('/#unplanned');
    expect(node(layout, 'agg:group:hidden').href).toBeUndefined();
  });

  it('writes counts and key-result values in the formats it is given: English, or German', () => {
    const items = Array.from({ length: 1250 }, (_, i) => item(`h1/i${i}`, `Item ${i}`, [{ goal: 'g', key_result: 'a' }]));
    const goals = [goal('g', 'Goal', { krs: ['a'] })];
    const en = layoutMap({ href, format, goals, items });
    const de = layoutMap({ href, format: formatting('de'), goals, items });
    expect(node(en, 'agg:kr:g/a').label).toBe('1,250 items');
    expect(node(de, 'agg:kr:g/a').label).toBe('1.250 items');
    expect(node(en, 'kr:g/a').title).toBe('KR a (key result: 5% now, from 0 towards 10)');
    expect(node(de, 'kr:g/a').title).toBe('KR a (key result: 5\u00a0% now, from 0 towards 10)');
  });

  it('keeps the largest per-item map under budget', () => {
    const goals = [goal('g', 'Goal', { krs: ['a', 'b'] }), goal('h', 'Other goal', { krs: ['c'] })];
    const title = 'x'.repeat(120);
    const items = Array.from({ length: 120 }, (_, i) =>
      item(`h1/item-${i}`, title, [
        { goal: 'g', key_result: 'a' },
        { goal: 'g', key_result: 'b' },
        { goal: 'h', key_result: 'c' },
        { goal: 'h' },
      ]),
    );
    const layout = layoutMap({ href, format, goals, items });
    expect(layout.aggregated).toBe(false);
    expect(layout.edges).toHaveLength(3 + 120 * 4);
    expect(estimatedBytes(layout)).toBeLessThan(150_000);
  });

  it('keeps 10,000 items to a small picture', () => {
    const goals = Array.from({ length: 12 }, (_, g) =>
      goal(`goal-${g}`, `Goal ${g}`, { krs: ['a', 'b', 'c'], ...(g % 3 ? { parent: 'goal-0' } : {}) }),
    );
    const items = Array.from({ length: 10_000 }, (_, i) => {
      const links: GoalLink[] = i % 10 === 0 ? [] : [{ goal: `goal-${i % 12}`, ...(i % 4 ? { key_result: 'abc'[i % 3]! } : {}) }];
      if (i % 7 === 0 && links.length) links.push({ goal: 'goal-5', key_result: 'a' });
      return item(
        `h1/item-${i}`,
        `An accomplishment with a fairly long title, number ${i}`,
        links,
        (['delivered', 'partial', 'missed', 'learning'] as const)[i % 4],
      );
    });
    const started = performance.now();
    const layout = layoutMap({ href, format, goals, items });
    expect(performance.now() - started).toBeLessThan(2000);

    expect(layout.aggregated).toBe(true);
    expect(layout.itemCount).toBe(10_000);
    expect(layout.nodes.filter((n) => n.kind === 'item')).toEqual([]);
    expect(layout.nodes.length).toBeLessThan(12 + 36 + 12 + 36 + 2);
    expect(node(layout, 'agg:group:unplanned')).toMatchObject({ count: 1000, label: '1,000 items' });
    expect(estimatedBytes(layout)).toBeLessThan(50_000);
  });
});

describe('goal trees the check would reject', () => {
  it('still draws every goal of a parent loop, and goals whose parent is not shown as roots', () => {
    const layout = layoutMap({
      href,
      format,
      items: [],
      goals: [
        goal('a', 'A', { parent: 'b' }),
        goal('b', 'B', { parent: 'a' }),
        goal('c', 'C', { parent: 'hidden' }),
        goal('d', 'D', { parent: 'd' }),
      ],
    });
    expect(keys(layout, 0)).toEqual(['goal:c', 'goal:d', 'goal:a', 'goal:b']);
    expect(layout.nodes.map((n) => n.depth)).toEqual([0, 0, 0, 1]);
  });

  it('lays out nothing as an empty picture with its headings', () => {
    const layout = layoutMap({ href, format, goals: [], items: [] });
    expect(layout.nodes).toEqual([]);
    expect(layout.height).toBeGreaterThan(layout.headingY);
  });
});

describe('fitLabel', () => {
  it('keeps a title that fits and cuts a long one with an ellipsis inside the width', () => {
    expect(fitLabel('Cut CI time', 200, 14)).toBe('Cut CI time');
    const cut = fitLabel('Cut median CI time from 22 to 11 minutes by sharding tests', 200, 14);
    expect(cut).toBe('Cut median CI time from…');
    expect(cut.length * 0.55 * 14).toBeLessThanOrEqual(200);
  });

  it('counts wide characters double and never splits a code point', () => {
    expect(fitLabel('継続的インテグレーションの時間を半分にする', 100, 14)).toBe('継続的イン…');
    expect(fitLabel('🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀', 60, 14)).toBe('🚀🚀🚀…');
  });

  it('wraps a long label in a layout to three lines, cuts only past them, and keeps the full title', () => {
    const long = 'A very long goal title that will never fit in the goals column of the map at all';
    const layout = layoutMap({ href, format, goals: [goal('long', long)], items: [] });
    expect(layout.nodes[0]!.lines).toEqual(['A very long goal title that', 'will never fit in the goals', 'column of the map at all']);
    expect(layout.nodes[0]!.label).toBe(long);
    expect(layout.nodes[0]!.title).toBe(`${long} (goal, on track)`);
    const longer = `${long}, not even on three lines of it`;
    const cut = layoutMap({ href, format, goals: [goal('long', longer)], items: [] }).nodes[0]!;
    expect(cut.lines).toHaveLength(3);
    expect(cut.lines[2]).toMatch(/…$/);
    expect(cut.title).toBe(`${longer} (goal, on track)`);
  });
});

describe('wrapLabel', () => {
  it('keeps a short title on one line and wraps a longer one at spaces, each line inside the width', () => {
    expect(wrapLabel('Cut CI time', 200, 14)).toEqual(['Cut CI time']);
    const lines = wrapLabel('Cut median CI time from 22 to 11 minutes by sharding tests', 200, 14);
    expect(lines).toEqual(['Cut median CI time from', '22 to 11 minutes by', 'sharding tests']);
    for (const line of lines) expect(line.length * 0.55 * 14).toBeLessThanOrEqual(200);
  });

  it('cuts with an ellipsis only past the last line, and breaks a word longer than a line', () => {
    const lines = wrapLabel('one two three four five six seven eight nine ten eleven twelve', 60, 14, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(wrapLabel('x'.repeat(20), 60, 14)).toEqual(['xxxxxxx', 'xxxxxxx', 'xxxxxx']);
    expect(wrapLabel('継続的インテグレーションの時間を半分にする', 100, 14)).toEqual(['継続的インテ', 'グレーション', 'の時間を半…']);
  });

  it('grows a box by a line height per extra line, so boxes in a column still never overlap', () => {
    const long = 'An item with a title long enough to need two lines in the items column, or maybe three';
    const layout = layoutMap({ ...small, items: [...small.items, item('h1/long', long, [{ goal: 'docs' }])] });
    const n = node(layout, 'item:h1/long');
    expect(n.lines.length).toBeGreaterThan(1);
    expect(n.height).toBe(30 + (n.lines.length - 1) * layout.lineHeight);
  });
});

describe('goal boxes', () => {
  it('carry the status as a word and the progress, in the box and in the full title', () => {
    const layout = layoutMap({ ...small, progress: (id) => (id === 'ci-speed' ? 0.4 : undefined) });
    expect(node(layout, 'goal:ci-speed')).toMatchObject({
      status: 'On track',
      progress: 0.4,
      title: 'Halve CI time (goal, on track, 40% done)',
    });
    expect(node(layout, 'goal:docs').progress).toBeUndefined();
    expect(node(layout, 'goal:docs').status).toBe('On track');
    const goalNode = node(layout, 'goal:ci-speed');
    expect(goalNode.statusY).toBeGreaterThan(goalNode.textY);
    expect(goalNode.statusY).toBeLessThan(goalNode.y + goalNode.height);
  });
});

describe('a map per top goal', () => {
  const goals = [goal('a', 'A', { krs: ['x'] }), goal('a1', 'A1', { parent: 'a', krs: ['y'] }), goal('b', 'B', { krs: ['z'] })];
  const items = Array.from({ length: 500 }, (_, i) =>
    item(
      `h1/i${i}`,
      `Item ${i}`,
      i % 5 === 0 ? [{ goal: 'a1', key_result: 'y' }, { goal: 'b' }] : [{ goal: i % 2 ? 'a' : 'b', key_result: i % 2 ? 'x' : 'z' }],
    ),
  );
  const input: MapInput = { href, format, goals, items };

  it('lists the top goals in map order', () => {
    expect(topGoals(goals).map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('draws every item of a top goal and the goals below it, above the threshold the cycle map aggregates at', () => {
    expect(layoutMap(input).aggregated).toBe(true);
    const part = goalMapInput(input, 'a');
    expect(part.goals.map((g) => g.id)).toEqual(['a', 'a1']);
    const linked = items.filter((i) => i.data.goals.some((l) => l.goal === 'a' || l.goal === 'a1'));
    expect(part.items).toHaveLength(linked.length);
    const layout = layoutMap(part, PER_GOAL_MAP);
    expect(layout.aggregated).toBe(false);
    expect(layout.nodes.filter((n) => n.kind === 'item')).toHaveLength(linked.length);
    // The other top goal appears nowhere, and nothing is left over as hidden or unplanned.
    expect(layout.nodes.some((n) => n.key.startsWith('group:'))).toBe(false);
    expect(JSON.stringify(layout.nodes.map((n) => n.key))).not.toContain('goal:b');
    expect(goalMapInput(input, 'not-a-goal').goals).toEqual([]);
  });

  it('splits a top goal with many items into pages: every item once, each page with the whole goal tree and small', () => {
    const pages = goalMapPages(input, 'a');
    const linked = goalMapInput(input, 'a').items;
    expect(pages.map((p) => p.items.length)).toEqual(
      Array.from({ length: Math.ceil(linked.length / PER_GOAL_PAGE_ITEMS) }, (_, i) =>
        Math.min(PER_GOAL_PAGE_ITEMS, linked.length - i * PER_GOAL_PAGE_ITEMS),
      ),
    );
    expect(pages.length).toBeGreaterThan(1);
    const drawn = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(new Set(drawn)).toEqual(new Set(linked.map((i) => i.id)));
    for (const page of pages) {
      expect(page.goals.map((g) => g.id)).toEqual(['a', 'a1']);
      expect(estimatedBytes(layoutMap(page, PER_GOAL_MAP)), 'page size').toBeLessThan(200 * 1024);
    }
    // A goal with few items, or none, is one page.
    expect(goalMapPages({ ...input, items: items.slice(0, 3) }, 'a')).toHaveLength(1);
    expect(goalMapPages({ ...input, items: [] }, 'a')).toHaveLength(1);
  });
});
