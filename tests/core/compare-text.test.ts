import { describe, expect, it } from 'vitest';
import { byTitle, compareText } from '../../src/core/text/compare-text.ts';

describe('the one order for names, titles and ids', () => {
  it('is alphabetical with accents beside their letters, and numbers by value', () => {
    expect(['Goal 10', 'Zoe', 'Ángel', 'Goal 2', 'Ana', 'ben'].sort(compareText)).toEqual([
      'Ana',
      'Ángel',
      'ben',
      'Goal 2',
      'Goal 10',
      'Zoe',
    ]);
  });

  it('never leaves two different strings tied, so input order never shows', () => {
    expect(compareText('v01', 'v1')).not.toBe(0);
    expect(['v1', 'v01'].sort(compareText)).toEqual(['v01', 'v1'].sort(compareText));
  });

  it('orders goals and items by title, then id, as the map, the site and status do', () => {
    const entry = (id: string, title: string) => ({ id, data: { title } });
    const sorted = [entry('b', 'Q10 goal'), entry('c', 'Q2 goal'), entry('a', 'Q10 goal')].sort(byTitle);
    expect(sorted.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
});
