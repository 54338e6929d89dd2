import { describe, expect, it } from 'vitest';
import { valid } from '../../src/core/read/content.ts';
import { checkFiles } from '../../src/core/check.ts';
import { readContentTree } from '../../src/node/fs.ts';
import { REPO, TODAY } from '../helpers.ts';

// The example content is what a newcomer sees first: it must pass cleanly and show every feature.
const { diagnostics, content } = checkFiles(readContentTree(REPO), { today: TODAY });

describe('the example content in content/', () => {
  it('has no errors and no warnings', () => {
    expect(diagnostics).toEqual([]);
  });

  it('is a team of at least 8 people in 2 teams over 2 cycles', () => {
    const people = valid(content, 'people');
    expect(people.length).toBeGreaterThanOrEqual(8);
    expect(new Set(people.map((p) => p.data.team)).size).toBeGreaterThanOrEqual(2);
    expect(valid(content, 'cycles').length).toBeGreaterThanOrEqual(2);
  });

  it('has at least 6 goals in a tree at least 2 deep, with key results', () => {
    const goals = valid(content, 'goals');
    expect(goals.length).toBeGreaterThanOrEqual(6);
    expect(goals.some((g) => g.data.parent !== undefined)).toBe(true);
    expect(goals.filter((g) => g.data.key_results.length > 0).length).toBeGreaterThanOrEqual(6);
  });

  it('has at least 30 accomplishments covering every outcome, visibility and shape', () => {
    const items = valid(content, 'accomplishments');
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.data.outcome))).toEqual(new Set(['delivered', 'partial', 'missed', 'learning']));
    expect(new Set(items.map((i) => i.data.visibility))).toEqual(new Set(['public', 'team', 'private']));
    expect(items.filter((i) => i.data.goals.length === 0).length).toBeGreaterThanOrEqual(2);
    expect(items.filter((i) => i.data.authors.length > 1).length).toBeGreaterThanOrEqual(5);
    expect(items.some((i) => i.data.draft)).toBe(true);
  });
});
