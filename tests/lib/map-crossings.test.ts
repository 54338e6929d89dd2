import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../bench/generate.ts';
import { checkFiles } from '../../src/core/check.ts';
import type { Audience } from '../../src/core/model/audience.ts';
import { valid, type Content } from '../../src/core/read/content.ts';
import { formatting } from '../../src/lib/format.ts';
import { countCrossings } from '../../src/lib/map-crossings.ts';
import { layoutMap, type MapInput, type MapLayout } from '../../src/lib/map.ts';
import { siteModel } from '../../src/lib/site-model.ts';
import { readContentTree } from '../../src/node/fs.ts';
import type { Accomplishment, Goal, GoalLink } from '../../src/schema/index.ts';
import { REPO, TODAY } from '../helpers.ts';

const href: MapInput['href'] = { goal: (id) => `/goals/${id}/`, item: (id) => `/items/${id}/` };
const format = formatting('en');
const ALL = { maxItemNodes: Number.POSITIVE_INFINITY };

function goal(id: string, krs: string[], parent?: string): MapInput['goals'][number] {
  const data: Goal = {
    title: `Goal ${id}`,
    owner: 'ana',
    team: 'core',
    cycle: '2026-h1',
    status: 'on-track',
    visibility: 'team',
    key_results: krs.map((kr) => ({ id: kr, title: `KR ${kr}`, unit: '%', baseline: 0, target: 10, current: 5 })),
  };
  return { id, data: parent === undefined ? data : { ...data, parent } };
}

function item(id: string, goals: GoalLink[]): MapInput['items'][number] {
  const data: Accomplishment = {
    title: `Item ${id}`,
    summary: 'Done.',
    authors: ['ana'],
    cycle: '2026-h1',
    date: '2026-03-01',
    goals,
    outcome: 'delivered',
    impact: [],
    evidence: [],
    builds_on: [],
    tags: [],
    visibility: 'team',
    draft: false,
  };
  return { id, data: goals.length === 0 ? { ...data, unplanned: 'Someone had to.' } : data };
}

/** Each cycle of a content tree as the map page sees it: the team build's goals and items, with progress. */
function cyclesOf(content: Content, audience: Audience = 'team'): { cycle: string; input: MapInput }[] {
  const doc = <T>(entry: { id: string; data: T }) => ({ id: entry.id, data: entry.data, html: '' });
  const site = siteModel(
    {
      site: content.site!.data!,
      teams: valid(content, 'teams').map(doc),
      people: valid(content, 'people').map(doc),
      cycles: valid(content, 'cycles').map(doc),
      goals: valid(content, 'goals').map(doc),
      accomplishments: valid(content, 'accomplishments').map(doc),
    },
    audience,
    TODAY,
  );
  return site.cycles.map((cycle) => ({
    cycle: cycle.id,
    input: {
      href,
      format,
      goals: site.goals.filter((g) => g.data.cycle === cycle.id),
      items: site.itemsOfCycle(cycle.id),
      progress: (id: string) => site.progress(id),
    },
  }));
}

/** A seeded pseudo-random cycle: `count` items, a third of them linked to two or three places. */
function tangled(count: number, seed = 7): MapInput {
  let state = seed;
  const random = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const goals = Array.from({ length: 8 }, (_, g) => goal(`g${g}`, ['a', 'b', 'c'].slice(0, 1 + (g % 3)), g > 1 ? `g${g % 2}` : undefined));
  const link = (): GoalLink => {
    const g = goals[random(goals.length)]!;
    const krs = g.data.key_results;
    const kr = random(krs.length + 1);
    return kr === krs.length ? { goal: g.id } : { goal: g.id, key_result: krs[kr]!.id };
  };
  const items = Array.from({ length: count }, (_, i) => {
    const links = [link()];
    if (i % 3 === 0) links.push(link());
    if (i % 9 === 0) links.push(link());
    return item(`h1/i${String(i).padStart(3, '0')}`, links);
  });
  return { href, format, goals, items };
}

const measured: string[] = [];
const measure = (name: string, input: MapInput): { before: MapLayout; after: MapLayout } => {
  const before = layoutMap(input, { ...ALL, reduceCrossings: false });
  const after = layoutMap(input, ALL);
  measured.push(`${name}: ${countCrossings(before)} → ${countCrossings(after)} crossings (${input.items.length} items)`);
  return { before, after };
};
afterAll(() => {
  console.info(`Map crossings, alphabetical order → reordered:\n  ${measured.join('\n  ')}`);
});

describe('countCrossings', () => {
  it('counts two lines that swap places, and not lines that share an end', () => {
    // g0 has KR a, g1 has KR b below it; x sits beside a, y beside b.
    const input: MapInput = {
      href,
      format,
      goals: [goal('g0', ['a']), goal('g1', ['b'])],
      items: [item('x', [{ goal: 'g0', key_result: 'a' }]), item('y', [{ goal: 'g1', key_result: 'b' }])],
    };
    expect(countCrossings(layoutMap(input))).toBe(0);
    // w also sits beside a, above x (alphabetical), and links to b too: b → w runs up across a → x.
    const w = item('w', [
      { goal: 'g1', key_result: 'b' },
      { goal: 'g0', key_result: 'a' },
    ]);
    const crossed = { ...input, items: [...input.items, w] };
    expect(countCrossings(layoutMap(crossed, { reduceCrossings: false }))).toBe(1);
    // Reordered, w goes below x: nothing crosses.
    const reordered = layoutMap(crossed);
    expect(countCrossings(reordered)).toBe(0);
    expect(reordered.nodes.filter((n) => n.kind === 'item').map((n) => n.key)).toEqual(['item:x', 'item:w', 'item:y']);
  });

  it('ignores the goal tree connectors and an empty map', () => {
    expect(countCrossings(layoutMap({ href, format, goals: [], items: [] }))).toBe(0);
    const tree = layoutMap({ href, format, goals: [goal('p', []), goal('c', [], 'p'), goal('d', [], 'p')], items: [] });
    expect(tree.edges.every((edge) => edge.kind === 'tree')).toBe(true);
    expect(countCrossings(tree)).toBe(0);
  });
});

describe('crossing reduction', () => {
  it('strictly reduces crossings on a constructed case', () => {
    // Goal g has KRs a (alphabetically first) and b. Three items sit beside goal h's KR c, which is
    // drawn above g, and link to b too; one item of a's is level with it. Alphabetical order
    // sends b's lines up across a's; moving b above a uncrosses them.
    const input: MapInput = {
      href,
      format,
      goals: [goal('g', ['a', 'b']), goal('f', ['c'])],
      items: [
        item('a1', [{ goal: 'g', key_result: 'a' }]),
        item('a2', [{ goal: 'g', key_result: 'a' }]),
        item('c1', [
          { goal: 'f', key_result: 'c' },
          { goal: 'g', key_result: 'b' },
        ]),
        item('c2', [
          { goal: 'f', key_result: 'c' },
          { goal: 'g', key_result: 'b' },
        ]),
      ],
    };
    const { before, after } = measure('constructed', input);
    expect(countCrossings(before)).toBeGreaterThan(0);
    expect(countCrossings(after)).toBeLessThan(countCrossings(before));
  });

  it('never increases crossings: the small tree, the example content, bench content and a tangled 300-item cycle', () => {
    const example = checkFiles(readContentTree(REPO), { today: TODAY }).content;
    for (const { cycle, input } of cyclesOf(example)) {
      const { before, after } = measure(`example ${cycle}`, input);
      expect(countCrossings(after)).toBeLessThanOrEqual(countCrossings(before));
      // Goals keep their tree order.
      const goals = (layout: MapLayout) => layout.nodes.filter((n) => n.kind === 'goal').map((n) => n.key);
      expect(goals(after)).toEqual(goals(before));
    }
    const root = mkdtempSync(join(tmpdir(), 'tl-map-'));
    try {
      generateContent(root, 600); // two cycles of 300 items each
      // The private build: it shows every generated item.
      const bench = cyclesOf(checkFiles(readContentTree(root), { today: TODAY }).content, 'private');
      for (const { cycle, input } of bench) {
        expect(input.items).toHaveLength(300);
        const { before, after } = measure(`bench/generate.ts ${cycle}`, input);
        expect(countCrossings(after)).toBeLessThanOrEqual(countCrossings(before));
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    for (const seed of [1, 7, 42]) {
      const { before, after } = measure(`tangled 300-item cycle, seed ${seed}`, tangled(300, seed));
      expect(countCrossings(after)).toBeLessThanOrEqual(countCrossings(before));
      expect(after.nodes.filter((n) => n.kind === 'item')).toHaveLength(300);
    }
  });

  it('keeps the layout deterministic and every node in place: same nodes, no overlaps', () => {
    const input = tangled(120, 3);
    const after = layoutMap(input);
    expect(layoutMap({ ...input, items: [...input.items].reverse(), goals: [...input.goals].reverse() })).toEqual(after);
    const before = layoutMap(input, { reduceCrossings: false });
    expect(after.nodes.map((n) => n.key).sort()).toEqual(before.nodes.map((n) => n.key).sort());
    for (const column of [0, 1, 2]) {
      const stack = after.nodes.filter((n) => n.column === column).sort((a, b) => a.y - b.y);
      for (let i = 1; i < stack.length; i++) expect(stack[i]!.y).toBeGreaterThanOrEqual(stack[i - 1]!.y + stack[i - 1]!.height);
    }
  });
});
