import { describe, expect, it } from 'vitest';
import { siteModel } from '../../src/lib/site-model.ts';
import { content, item } from './fixture.ts';

const TODAY = '2026-11-27';

describe('builds on and led to', () => {
  const input = content({
    accomplishments: [
      item('c1/bet', { outcome: 'learning', date: '2026-02-01', visibility: 'public' }),
      item('c1/secret-spike', { date: '2026-02-10', visibility: 'team' }),
      item('c1/mine', { date: '2026-02-11', visibility: 'private', builds_on: ['c1/bet'] }),
      item('c2/draft', { date: '2026-07-02', visibility: 'public', draft: true, builds_on: ['c1/bet'] }),
      item('c2/payoff', { date: '2026-08-01', visibility: 'public', builds_on: ['c1/secret-spike', 'c1/bet'] }),
      item('c2/team-payoff', { date: '2026-07-20', visibility: 'team', builds_on: ['c1/bet', 'c1/bet'] }),
    ],
  });
  const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

  it('links both ways within what a team build shows, later work oldest first, each once', () => {
    const site = siteModel(input, 'team', TODAY);
    expect(ids(site.ledTo(site.item('c1/bet')!))).toEqual(['c2/team-payoff', 'c2/payoff']);
    expect(ids(site.buildsOn(site.item('c2/payoff')!))).toEqual(['c1/secret-spike', 'c1/bet']);
    expect(ids(site.ledTo(site.item('c1/secret-spike')!))).toEqual(['c2/payoff']);
    expect(ids(site.buildsOn(site.item('c2/team-payoff')!))).toEqual(['c1/bet']);
  });

  it('leaves out of a public build every team-only item, on both sides, so no title of one reaches a page', () => {
    const site = siteModel(input, 'public', TODAY);
    const bet = site.item('c1/bet')!;
    const payoff = site.item('c2/payoff')!;
    expect(ids(site.ledTo(bet))).toEqual(['c2/payoff']);
    expect(ids(site.buildsOn(payoff))).toEqual(['c1/bet']);
    const titles = [...site.ledTo(bet), ...site.buildsOn(payoff)].map((i) => i.data.title);
    expect(titles).not.toContain('Item c1/secret-spike');
    expect(titles).not.toContain('Item c2/team-payoff');
  });

  it('never links a draft, and shows private work only to a private build', () => {
    expect(ids(siteModel(input, 'team', TODAY).ledTo(item('c1/bet')))).not.toContain('c2/draft');
    expect(ids(siteModel(input, 'private', TODAY).ledTo(item('c1/bet')))).toEqual(['c1/mine', 'c2/team-payoff', 'c2/payoff']);
  });

  it('gives an item no one built on, or one naming only what the build hides, no links at all', () => {
    const site = siteModel(input, 'public', TODAY);
    expect(site.ledTo(site.item('c2/payoff')!)).toEqual([]);
    const lone = siteModel(content({ accomplishments: [item('c2/x', { builds_on: ['c1/gone'] })] }), 'team', TODAY);
    expect(lone.buildsOn(lone.item('c2/x')!)).toEqual([]);
  });
});
