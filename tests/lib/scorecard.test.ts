import { describe, expect, it } from 'vitest';
import { formatting } from '../../src/lib/format.ts';
import { cycleFigures, cycleSummary, outcomeMix } from '../../src/lib/scorecard.ts';
import { siteModel } from '../../src/lib/site-model.ts';
import { CycleSchema } from '../../src/schema/index.ts';
import { content, goal, item } from './fixture.ts';

const en = formatting('en');
const cycle = CycleSchema.parse({ name: 'H2 2026', start: '2026-07-01', end: '2026-12-31', due: '2027-01-15' });

describe('the outcome mix', () => {
  it('gives every outcome its count and share, in one order, zeros included', () => {
    const mix = outcomeMix({ delivered: 6, partial: 2, missed: 0, learning: 2 });
    expect(mix.total).toBe(10);
    expect(mix.segments.map((s) => [s.outcome, s.label, s.count, s.share])).toEqual([
      ['delivered', 'Delivered', 6, 0.6],
      ['partial', 'Partly delivered', 2, 0.2],
      ['missed', 'Missed', 0, 0],
      ['learning', 'Learning', 2, 0.2],
    ]);
  });

  it('has no shares, and no NaN, when nothing is written up', () => {
    const mix = outcomeMix({ delivered: 0, partial: 0, missed: 0, learning: 0 });
    expect(mix.total).toBe(0);
    expect(mix.segments.every((s) => s.share === 0)).toBe(true);
  });
});

describe("a cycle's figures and summary", () => {
  const items = [
    item('c2/a', { authors: ['ana', 'ben'] }),
    item('c2/b', { authors: ['ana'], outcome: 'learning' }),
    item('c2/c', { authors: ['gone'], outcome: 'learning' }),
    item('c2/d', { authors: ['ben'], outcome: 'missed' }),
  ];
  const tops = [goal('a'), goal('b', { status: 'done' }), goal('c', { status: 'at-risk' })];
  const figures = (today: string) => cycleFigures({ cycle, today, items, shownPerson: (id) => id !== 'gone', topGoals: tops });

  it('counts items, shown people, top goals on track or done, misses and lessons', () => {
    expect(figures('2026-12-02')).toEqual({
      cycle: 'H2 2026',
      ongoing: true,
      items: 4,
      people: 2,
      topGoals: 3,
      onTrack: 2,
      missed: 1,
      learnings: 2,
    });
  });

  it('is ongoing until the due date, not only the end', () => {
    expect(figures('2027-01-15').ongoing).toBe(true);
    expect(figures('2027-01-16').ongoing).toBe(false);
  });

  it('says it in one sentence, "so far" while the cycle is open', () => {
    expect(cycleSummary(figures('2026-12-02'), en)).toBe(
      'H2 2026 so far: 4 accomplishments by 2 people; 2 of 3 top goals on track or done; 1 accomplishment missed its mark; 2 bets did not pay off and are written up as lessons.',
    );
    expect(cycleSummary(figures('2027-02-01'), en).startsWith('H2 2026: ')).toBe(true);
  });

  it('uses the singular and says when there is nothing', () => {
    const one = cycleFigures({
      cycle,
      today: '2026-12-02',
      items: [item('c2/b', { outcome: 'learning' })],
      shownPerson: () => true,
      topGoals: [],
    });
    expect(cycleSummary(one, en)).toBe(
      'H2 2026 so far: 1 accomplishment by 1 person; no top goals set; 1 bet did not pay off and is written up as a lesson.',
    );
    const none = cycleFigures({ cycle, today: '2026-12-02', items: [], shownPerson: () => true, topGoals: [goal('a')] });
    expect(cycleSummary(none, en)).toBe(
      'H2 2026 so far: 0 accomplishments by 0 people; 1 of 1 top goal on track or done; no lessons written up.',
    );
  });
});

describe("a cycle's top goals", () => {
  it('are its goals whose parent is not a shown goal of the same cycle', () => {
    const input = content({
      goals: [
        goal('old', { cycle: 'c1' }),
        goal('top', { cycle: 'c2', visibility: 'public' }),
        goal('child', { cycle: 'c2', parent: 'top', visibility: 'public' }),
        goal('carried', { cycle: 'c2', parent: 'old', visibility: 'public' }),
        goal('under-secret', { cycle: 'c2', parent: 'secret', visibility: 'public' }),
        goal('secret', { cycle: 'c2', visibility: 'team' }),
      ],
    });
    const ids = (audience: 'public' | 'team') =>
      siteModel(input, audience, '2026-12-02')
        .topGoals('c2')
        .map((g) => g.id);
    expect(ids('team')).toEqual(['top', 'carried', 'secret']);
    expect(ids('public')).toEqual(['top', 'carried', 'under-secret']);
  });
});
