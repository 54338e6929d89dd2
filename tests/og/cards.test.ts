import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CardSpec } from '../../src/core/card-spec.ts';
import { cardAlt, siteCards } from '../../src/lib/cards.ts';
import { formatting } from '../../src/lib/format.ts';
import { siteModel } from '../../src/lib/site-model.ts';
import { cardKey } from '../../src/og/cache.ts';
import { cardSvg, loadFonts, renderCard } from '../../src/og/render.ts';
import { clip, drawable } from '../../src/og/text.ts';
import { content, goal, item, person } from '../lib/fixture.ts';

const TODAY = '2026-11-27';
const format = formatting('en');

describe('the cards of a build', () => {
  const input = content({
    people: [person('ana', 'Ana Silva', { visibility: 'public' }), person('ben', 'Ben Okafor')],
    goals: [goal('secret', { title: 'Secret goal', visibility: 'team' }), goal('open', { title: 'Open goal', visibility: 'public' })],
    accomplishments: [
      item('c1/open', { visibility: 'public', authors: ['ana', 'ben'], goals: ['secret', 'open'] }),
      item('c1/team', { visibility: 'team' }),
    ],
  });

  it('has one card per shown entity, and none for what the audience does not show', () => {
    const files = (audience: 'public' | 'team') =>
      siteCards(siteModel(input, audience, TODAY), format)
        .all()
        .map((c) => c.file);
    expect(files('public')).toEqual([
      'home.png',
      'items/c1/open.png',
      'goals/open.png',
      'people/ana.png',
      'cycles/c2.png',
      'cycles/c1.png',
    ]);
    expect(files('team')).toContain('items/c1/team.png');
    expect(files('team')).toContain('people/ben.png');
  });

  it('never names a hidden co-author or goal, and says the first shown goal instead', () => {
    const site = siteModel(input, 'public', TODAY);
    const card = siteCards(site, format).item(site.item('c1/open')!);
    expect(card).toMatchInlineSnapshot(`
      {
        "badge": {
          "label": "Delivered",
          "tone": "delivered",
        },
        "file": "items/c1/open.png",
        "kicker": "Accomplishment · H1",
        "lines": [
          "By Ana Silva and one person not shown",
          "Moves: Open goal",
        ],
        "site": "T",
        "title": "Item c1/open",
      }
    `);
    expect(JSON.stringify(siteCards(site, format).all())).not.toMatch(/Ben|Okafor|Secret|secret/);
    expect(cardAlt(card)).toBe('Accomplishment · H1: Item c1/open');
  });

  it('names the team and every author on the team build', () => {
    const site = siteModel(input, 'team', TODAY);
    expect(siteCards(site, format).item(site.item('c1/open')!).lines).toEqual(['By Ana Silva and Ben Okafor', 'Moves: Secret goal']);
  });
});

describe('the cache key', () => {
  const spec: CardSpec = { file: 'items/c1/a.png', kicker: 'Accomplishment', title: 'Cut CI time', lines: ['By Ana'], site: 'Acme' };

  it('changes with what the card shows and nothing else', () => {
    expect(cardKey({ ...spec })).toBe(cardKey(spec));
    expect(cardKey({ ...spec, file: 'items/c2/b.png' })).toBe(cardKey(spec));
    expect(cardKey({ ...spec, title: 'Cut CI time!' })).not.toBe(cardKey(spec));
    expect(cardKey({ ...spec, lines: ['By Ana and Ben'] })).not.toBe(cardKey(spec));
    expect(cardKey({ ...spec, badge: { label: 'Missed', tone: 'missed' } })).not.toBe(cardKey(spec));
  });
});

describe('card text', () => {
  it('leaves out what the font cannot draw, and cuts long text with an ellipsis', () => {
    expect(drawable('Ship 🚀 the 新 release — v2')).toBe('Ship the release — v2');
    expect(drawable('Überweisung für Łódź')).toBe('Überweisung für Łódź');
    expect(drawable('Оплата за 2 минуты · Πληρωμή σε 2 λεπτά')).toBe('Оплата за 2 минуты · Πληρωμή σε 2 λεπτά');
    expect(drawable('الدفع 支付 🎉')).toBe('');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abcd', 4)).toBe('abcd');
    expect(Array.from(drawable('x'.repeat(1000)))).toHaveLength(400);
  });
});

describe('a rendered card', () => {
  const fonts = loadFonts();
  const spec: CardSpec = {
    file: 'x.png',
    kicker: 'Accomplishment · H1',
    title: 'Cut median CI time from 22 to 11 minutes',
    badge: { label: 'Delivered', tone: 'delivered' },
    lines: ['By Ana Silva'],
    site: 'Acme',
  };

  it('is a 1200 × 630 PNG', async () => {
    const meta = await sharp(await renderCard(spec, { fonts })).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  it("draws Cyrillic and Greek letters, not the font's empty box", async () => {
    // A letter no font has is drawn as the same "no glyph" box, so two such titles draw alike.
    const draw = (title: string) => cardSvg({ ...spec, title }, { fonts });
    expect(await draw('пппп')).not.toBe(await draw('лллл'));
    expect(await draw('αααα')).not.toBe(await draw('ββββ'));
  });

  it('draws a CJK and emoji title without throwing', async () => {
    const meta = await sharp(await renderCard({ ...spec, title: '新しい決済フロー 🚀 shipped' }, { fonts })).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });

  it('clamps a long title to three lines ending in an ellipsis', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const svg = await cardSvg({ ...spec, title: words }, { fonts, embedFont: false });
    expect(svg).toContain('…');
    expect(svg).toContain('word0');
    expect(svg).not.toContain('word59');
  });

  it('cuts every other long text to one line with an ellipsis, all of it inside the picture', async () => {
    const long = (prefix: string) => Array.from({ length: 40 }, (_, i) => `${prefix}${i}`).join(' ');
    const svg = await cardSvg(
      { ...spec, kicker: long('kick'), lines: [long('line'), long('goal'), long('more')], site: long('site') },
      { fonts, embedFont: false },
    );
    for (const prefix of ['kick', 'line', 'goal', 'more', 'site']) {
      expect(svg).toContain(`${prefix}0`);
      expect(svg).not.toContain(`${prefix}39`);
    }
    // No drawn text starts outside the card.
    const at = [...svg.matchAll(/<text[^>]* x="([\d.]+)" y="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(at.length).toBeGreaterThan(5);
    for (const [x, y] of at) expect(x < 1200 && y < 630, `text at ${x},${y}`).toBe(true);
  });
});
