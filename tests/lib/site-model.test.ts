import { describe, expect, it } from 'vitest';
import { distinctPaths, siteModel } from '../../src/lib/site-model.ts';
import { CycleSchema } from '../../src/schema/index.ts';
import { content, doc, goal, item, person } from './fixture.ts';

const TODAY = '2026-11-27';

describe('the audience filter', () => {
  const input = content({
    people: [person('ana', 'Ana Silva', { visibility: 'public' }), person('ben', 'Ben Okafor')],
    goals: [
      goal('top', { visibility: 'public' }),
      goal('g1', { parent: 'top', visibility: 'public' }),
      goal('secret', { visibility: 'team' }),
    ],
    accomplishments: [
      item('c1/open', { visibility: 'public', authors: ['ana', 'ben'], goals: ['g1', 'secret'] }),
      item('c1/team', { visibility: 'team' }),
      item('c1/mine', { visibility: 'private' }),
      item('c1/draft', { visibility: 'public', draft: true }),
    ],
  });

  it('keeps only what each audience may see, and never drafts', () => {
    const ids = (audience: 'public' | 'team' | 'private') => siteModel(input, audience, TODAY).items.map((i) => i.id);
    expect(ids('public')).toEqual(['c1/open']);
    expect(ids('team').sort()).toEqual(['c1/open', 'c1/team']);
    expect(ids('private').sort()).toEqual(['c1/mine', 'c1/open', 'c1/team']);
  });

  it('answers lookups of hidden entities with nothing, so pages say "not shown"', () => {
    const site = siteModel(input, 'public', TODAY);
    expect(site.person('ben')).toBeUndefined();
    expect(site.goal('secret')).toBeUndefined();
    expect(site.team('core')).toBeUndefined();
    expect(site.person('ana')?.data.name).toBe('Ana Silva');
  });

  it('draws a hidden goal in a throughline as one step that carries no title or id', () => {
    const site = siteModel(input, 'public', TODAY);
    const links = site.throughline(site.item('c1/open')!);
    expect(links.map((l) => l.path.map((s) => (s.kind === 'goal' ? s.goal.id : 'hidden')))).toEqual([['top', 'g1'], ['hidden']]);
    expect(JSON.stringify(links[1])).not.toContain('secret');
  });

  it('counts and groups only shown items', () => {
    const site = siteModel(input, 'public', TODAY);
    expect(site.itemsOfPerson('ana').map((i) => i.id)).toEqual(['c1/open']);
    expect(site.itemsOfGoal('g1').map((i) => i.id)).toEqual(['c1/open']);
    expect(site.contributors('top').map((p) => p.id)).toEqual(['ana']);
  });
});

describe('the item page’s throughlines', () => {
  const kr = (id: string) => ({ id, title: `KR ${id}`, unit: '%', baseline: 0, target: 10, current: 5 });
  const input = content({
    goals: [
      goal('top', { key_results: [kr('t1')] }),
      goal('mid', { parent: 'top', key_results: [kr('m1'), kr('m2')] }),
      goal('leaf', { parent: 'mid' }),
      goal('other'),
      goal('secret', { visibility: 'private' }),
      goal('under-secret', { parent: 'secret' }),
      goal('secret-2', { visibility: 'private' }),
    ],
  });
  const drawn = (goals: unknown[], audience: 'team' | 'private' = 'team') => {
    const site = siteModel({ ...input, accomplishments: [item('c1/x', { goals })] }, audience, TODAY);
    return distinctPaths(site.throughline(site.item('c1/x')!)).map((l) => [
      ...l.path.map((s) => (s.kind === 'goal' ? s.goal.id : 'hidden')),
      ...(l.keyResult ? [`kr ${l.keyResult.id}`] : []),
    ]);
  };

  it('draws a goal and its child once, as the longer path', () => {
    expect(drawn(['top', 'mid'])).toEqual([['top', 'mid']]);
    expect(drawn(['mid', 'top'])).toEqual([['top', 'mid']]);
    expect(drawn(['top', 'leaf', 'mid'])).toEqual([['top', 'mid', 'leaf']]);
  });

  it('keeps every distinct path, and a key result as a step of its own', () => {
    expect(drawn(['leaf', 'other'])).toEqual([['top', 'mid', 'leaf'], ['other']]);
    expect(drawn([{ goal: 'mid', key_result: 'm1' }, { goal: 'mid', key_result: 'm2' }, 'mid'])).toEqual([
      ['top', 'mid', 'kr m1'],
      ['top', 'mid', 'kr m2'],
    ]);
    expect(drawn([{ goal: 'top', key_result: 't1' }, 'mid'])).toEqual([
      ['top', 'kr t1'],
      ['top', 'mid'],
    ]);
  });

  it('draws the same path once, hidden goals included', () => {
    expect(drawn(['other', 'other'])).toEqual([['other']]);
    expect(drawn(['secret', 'secret-2'])).toEqual([['hidden']]);
    expect(drawn(['secret', 'under-secret'])).toEqual([['hidden', 'under-secret']]);
    expect(drawn(['secret', 'under-secret'], 'private')).toEqual([['secret', 'under-secret']]);
  });
});

describe('the goal tree', () => {
  it('nests children under parents, alphabetical by title, and stops at a parent the build hides', () => {
    const input = content({
      goals: [
        goal('root', { title: 'Root' }),
        goal('b', { title: 'Beta', parent: 'root' }),
        goal('a', { title: 'Alpha', parent: 'root' }),
        goal('hidden-top', { title: 'Hidden', visibility: 'private' }),
        goal('orphan', { title: 'Orphan', parent: 'hidden-top' }),
      ],
    });
    const site = siteModel(input, 'team', TODAY);
    expect(site.tree.roots.map((g) => g.id)).toEqual(['orphan', 'root']);
    expect(site.tree.children('root').map((g) => g.id)).toEqual(['a', 'b']);
    expect(site.tree.path('a').map((s) => (s.kind === 'goal' ? s.goal.id : 'hidden'))).toEqual(['root', 'a']);
    expect(site.tree.path('orphan').map((s) => (s.kind === 'goal' ? s.goal.id : 'hidden'))).toEqual(['hidden', 'orphan']);
    expect(site.tree.descendants('root').map((g) => g.id)).toEqual(['root', 'a', 'b']);
  });

  it('does not hang on a loop that slipped past the check', () => {
    const site = siteModel(content({ goals: [goal('x', { parent: 'y' }), goal('y', { parent: 'x' })] }), 'team', TODAY);
    expect(site.tree.roots.map((g) => g.id).sort()).toEqual(['x', 'y']);
    expect(site.tree.path('x').length).toBeLessThanOrEqual(2);
    expect(site.progress('x')).toBeUndefined();
  });
});

describe('progress and roll-ups', () => {
  it('rolls a parent up from its own key results and its children, leaving dropped children out', () => {
    const kr = (id: string, current: number) => ({ id, title: id, unit: 'min', baseline: 20, target: 10, current });
    const site = siteModel(
      content({
        goals: [
          goal('parent', { key_results: [kr('p', 20)] }),
          goal('half', { parent: 'parent', key_results: [kr('h', 15)] }),
          goal('done', { parent: 'parent', key_results: [kr('d', 10)] }),
          goal('gone', { parent: 'parent', status: 'dropped', key_results: [kr('x', 30)] }),
          goal('empty'),
        ],
      }),
      'team',
      TODAY,
    );
    expect(site.progress('half')).toBe(0.5);
    expect(site.progress('parent')).toBe(0.5); // mean of 0 (own), 0.5 and 1
    expect(site.progress('empty')).toBeUndefined();
    // The team's roll-up counts its top goal once, not again through its children.
    expect(site.teamProgress('core', 'c1')).toBe(0.5);
    expect(site.teamProgress('core', 'c2')).toBeUndefined();
  });
});

describe('coverage and gaps', () => {
  it('counts each author once per item against min..max, alphabetically', () => {
    const input = content({
      people: [person('zoe', 'Zoe Adams'), person('ana', 'Ana Silva'), person('ben', 'Ben Okafor')],
      accomplishments: [
        item('c1/a', { authors: ['ana', 'ben'] }),
        item('c1/b', { authors: ['ana'] }),
        item('c1/c', { authors: ['ana'] }),
        item('c2/d', { authors: ['ben'], cycle: 'c2', date: '2026-08-01' }),
      ],
    });
    const coverage = siteModel(input, 'team', TODAY).coverage('c1');
    expect(coverage.map((c) => `${c.person.data.name}: ${c.count} ${c.status}`)).toEqual([
      'Ana Silva: 3 within',
      'Ben Okafor: 1 below',
      'Zoe Adams: 0 below',
    ]);
  });

  it('excuses from the minimum, as the check does, whoever joined or left during the cycle or is exempt', () => {
    const input = content({
      people: [
        person('ana', 'Ana Silva'),
        person('ben', 'Ben Okafor', { joined: '2026-05-01' }),
        person('cai', 'Cai Lin', { left: '2026-02-15' }),
        person('dee', 'Dee Park'),
        person('eve', 'Eve Moss'),
      ],
      cycles: [
        doc(
          'c1',
          CycleSchema.parse({ name: 'H1', start: '2026-01-01', end: '2026-06-30', exempt: [{ person: 'dee', reason: 'on leave' }] }),
        ),
      ],
      accomplishments: [item('c1/a', { authors: ['ana', 'ben', 'dee'] })],
    });
    const coverage = siteModel(input, 'team', TODAY).coverage('c1');
    expect(coverage.map((c) => `${c.person.id}: ${c.count} ${c.status} ${c.exemptBecause ?? '-'}`)).toEqual([
      'ana: 1 below -',
      'ben: 1 exempt joined 2026-05-01',
      'cai: 0 exempt left 2026-02-15',
      'dee: 1 exempt on leave',
      'eve: 0 below -',
    ]);
  });

  it('lists goals and key results of a cycle that no item moves', () => {
    const krs = [
      { id: 'used', title: 'Used', unit: '%', baseline: 0, target: 10, current: 5 },
      { id: 'idle', title: 'Idle', unit: '%', baseline: 0, target: 10, current: 0 },
    ];
    const site = siteModel(
      content({
        goals: [goal('g1', { key_results: krs }), goal('lonely'), goal('later', { cycle: 'c2' })],
        accomplishments: [item('c1/a', { goals: [{ goal: 'g1', key_result: 'used' }] })],
      }),
      'team',
      TODAY,
    );
    const gaps = site.gaps('c1');
    expect(gaps.goals.map((g) => g.id)).toEqual(['lonely']);
    expect(gaps.keyResults.map((k) => `${k.goal.id}/${k.kr.id}`)).toEqual(['g1/idle']);
  });

  it('lists them by title, as `status` does, not in file order', () => {
    const kr = { id: 'idle', title: 'Idle', unit: '%', baseline: 0, target: 10, current: 0 };
    const site = siteModel(
      content({
        goals: [goal('a', { title: 'Zero flaky tests', key_results: [kr] }), goal('b', { title: 'Faster CI', key_results: [kr] })],
      }),
      'team',
      TODAY,
    );
    const gaps = site.gaps('c1');
    expect(gaps.goals.map((g) => g.data.title)).toEqual(['Faster CI', 'Zero flaky tests']);
    expect(gaps.keyResults.map((k) => `${k.goal.id}/${k.kr.id}`)).toEqual(['b/idle', 'a/idle']);
  });
});

describe('the rest of the model', () => {
  const site = siteModel(
    content({
      accomplishments: [
        item('c1/old', { date: '2026-02-01', tags: ['ci', 'speed'] }),
        item('c2/new', { date: '2026-09-01', cycle: 'c2', tags: ['ci'], goals: [], unplanned: 'An incident.', outcome: 'learning' }),
      ],
    }),
    'team',
    TODAY,
  );

  it('sorts items newest first and keeps learnings and unplanned work at hand', () => {
    expect(site.items.map((i) => i.id)).toEqual(['c2/new', 'c1/old']);
    expect(site.learnings.map((i) => i.id)).toEqual(['c2/new']);
    expect(site.unplanned.map((i) => i.id)).toEqual(['c2/new']);
  });

  it('counts tags alphabetically and picks the cycle that contains today', () => {
    expect(site.tags).toEqual([
      { tag: 'ci', count: 2 },
      { tag: 'speed', count: 1 },
    ]);
    expect(site.currentCycle?.id).toBe('c2');
    expect(siteModel(content(), 'team', '2027-03-01').currentCycle?.id).toBe('c2');
  });

  it('keeps a cycle current until its due date, as `new` and `status` do', () => {
    const cycles = [
      doc('h1', CycleSchema.parse({ name: 'H1', start: '2026-01-01', end: '2026-06-30', due: '2026-07-15' })),
      doc('q2', CycleSchema.parse({ name: 'Q2', start: '2026-04-01', end: '2026-06-30' })),
    ];
    // Past both ends, H1 still takes submissions; Q2, though it started later, does not.
    expect(siteModel(content({ cycles }), 'team', '2026-07-10').currentCycle?.id).toBe('h1');
    expect(siteModel(content({ cycles }), 'team', '2026-07-16').currentCycle?.id).toBe('q2');
  });

  it('lists people alphabetically by name, never by how much they wrote', () => {
    const input = content({ people: [person('b', 'Zed Zulu'), person('a', 'Amy Adams')] });
    expect(siteModel(input, 'team', TODAY).people.map((p) => p.data.name)).toEqual(['Amy Adams', 'Zed Zulu']);
  });
});
