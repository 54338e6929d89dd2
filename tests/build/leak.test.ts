import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build, makeSiteTree } from './site-tree.ts';

const BUILD_TIMEOUT = 240_000;

/**
 * Canary strings in every field of every entity an audience may not see, then one look at every
 * byte the build writes — pages, feeds, data, search index (decompressed), file names — for any
 * of them. A new output is covered the day it is written, without a test of its own.
 */

/** A person, a goal with a key result, a team item on it, and a draft, each field holding `mark`. */
function canaries(mark: string, id: string, visibility: 'team' | 'private'): Record<string, string> {
  const person = `${id}-person`;
  const goal = `${id}-goal`;
  return {
    [`content/people/${person}.md`]: [
      '---',
      `name: ${mark} Personname`,
      `role: ${mark} Role`,
      'team: core',
      'manager: ana',
      `github: ${mark}gh`,
      `visibility: ${visibility}`,
      '---',
      `${mark} person body.`,
      '',
    ].join('\n'),
    [`content/goals/${goal}.md`]: [
      '---',
      `title: ${mark} Goal Title`,
      `owner: ${person}`,
      'team: core',
      'cycle: 2026-h1',
      'status: at-risk',
      `visibility: ${visibility}`,
      'key_results:',
      `  - { id: ${id}-kr, title: ${mark} KR title, unit: ${mark}units, baseline: 1, target: 9, current: 4 }`,
      '---',
      `${mark} goal body.`,
      '',
    ].join('\n'),
    [`content/accomplishments/2026-h1/${id}-item.md`]: item({
      title: `${mark} Item Title`,
      summary: `${mark} summary.`,
      authors: [person, 'ana'],
      goals: [{ goal, key_result: `${id}-kr`, contribution: `${mark} contribution.` }],
      impact: [{ metric: `${mark} metric`, before: 1, after: 3, unit: `${mark}units`, key_result: `${id}-kr` }],
      evidence: [{ label: `${mark} evidence`, url: `https://${mark}.example/pr/1` }],
      tags: [`${id}-tag`],
      builds_on: ['2026-h1/open-work'],
      visibility,
      body: `${mark} body text.`,
    }),
    [`content/accomplishments/2026-h1/${id}-draft.md`]: item({
      title: `${mark}draft Draft Title`,
      summary: `${mark}draft summary.`,
      tags: [`${id}-draft-tag`],
      builds_on: ['2026-h1/open-work'],
      draft: true,
      visibility: 'public',
      body: `${mark}draft body.`,
    }),
  };
}

function item(fields: Record<string, unknown>): string {
  const { body, ...data }: Record<string, unknown> = {
    authors: ['ana'],
    cycle: '2026-h1',
    date: '2026-03-02',
    goals: [],
    outcome: 'delivered',
    ...fields,
  };
  const front = { unplanned: (data.goals as unknown[]).length === 0 ? 'Asked for by nobody.' : undefined, ...data };
  const yaml = Object.entries(front)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${yaml.join('\n')}\n---\n## Impact\n\n${String(body)}\n`;
}

const FILES = {
  // Public work by a public person that names hidden people, goals and items: the page shows it,
  // never them. A lesson, so the Lessons page says what it led to; every hidden item builds on it.
  'content/people/ana.md': '---\nname: Ana Silva\nrole: Engineering Manager\nteam: core\nvisibility: public\n---\n',
  'content/accomplishments/2026-h1/open-work.md': item({
    title: 'Open work on hidden goals',
    summary: 'Public, with hidden co-authors and goals.',
    authors: ['ana', 'qzleak-person', 'zpleak-person'],
    goals: [{ goal: 'qzleak-goal', key_result: 'qzleak-kr' }, { goal: 'zpleak-goal' }],
    outcome: 'learning',
    evidence: [{ label: 'PR #1', url: 'https://github.com/example/app/pull/1' }],
    builds_on: ['2026-h1/qzleak-item', '2026-h1/zpleak-item', '2026-h1/qzleak-draft', '2026-h1/zpleak-draft'],
    visibility: 'public',
    body: 'It helped.\n\n## What we learned\n\nA lot.',
  }),
  // Hidden from a public build; the team build shows these.
  ...canaries('Qzcanary', 'qzleak', 'team'),
  // Hidden from both.
  ...canaries('Zpcanary', 'zpleak', 'private'),
  'content/.personal/accomplishments/2026-h1/mine.md': item({
    title: 'Zecanary Personal Title',
    summary: 'Zecanary summary.',
    builds_on: ['2026-h1/open-work'],
    visibility: 'private',
    body: 'Zecanary body.',
  }),
};

/** Every file under `dir`, its path and its bytes (gzip streams, as Pagefind writes, unpacked). */
function everyFile(dir: string): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      let bytes = readFileSync(path);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      // latin1 keeps every byte: a canary inside binary data is found too.
      files.push({ path: relative(dir, path), text: bytes.toString('latin1') });
    }
  };
  walk(dir);
  return files;
}

function leaks(dir: string, marks: readonly string[]): string[] {
  const found: string[] = [];
  for (const { path, text } of everyFile(dir)) {
    for (const mark of marks) {
      const lower = mark.toLowerCase();
      if (path.toLowerCase().includes(lower)) found.push(`${path}: its name holds ${mark}`);
      else if (text.toLowerCase().includes(lower)) found.push(`${path}: holds ${mark}`);
    }
  }
  return found;
}

describe('no output of a build holds what its audience excludes', () => {
  const root = makeSiteTree(undefined, { files: FILES });
  const HIDDEN_FROM_TEAM = ['Zpcanary', 'zpleak', 'Zecanary', 'Qzcanarydraft', 'qzleak-draft'];

  it(
    'the public build: nothing of team or private people, goals, items, drafts or personal notes',
    () => {
      const result = build(root, '--audience', 'public', '--out-dir', 'public-site');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const dir = join(root, 'public-site');
      expect(readFileSync(join(dir, 'items/2026-h1/open-work/index.html'), 'utf8')).toContain('Open work on hidden goals');
      expect(leaks(dir, ['Qzcanary', 'qzleak', ...HIDDEN_FROM_TEAM])).toEqual([]);
      // The scan reads every kind of output: the search index unpacked, the feed, the data, the
      // sitemap, and the cards are there for what this build shows.
      const holding = (text: string) =>
        everyFile(dir)
          .filter((file) => file.text.includes(text))
          .map((file) => file.path.split('/')[0]!.replace(/\.\w+$/, ''));
      expect(holding('Open work on hidden goals')).toEqual(expect.arrayContaining(['items', 'pagefind', 'rss', 'data']));
      expect(holding('open-work')).toContain('sitemap-0');
      expect(existsSync(join(dir, 'og/items/2026-h1/open-work.png'))).toBe(true);
    },
    BUILD_TIMEOUT,
  );

  it(
    'the team build: nothing private, no drafts, no personal notes; the team items are there',
    () => {
      const result = build(root, '--audience', 'team', '--out-dir', 'team-site');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const dir = join(root, 'team-site');
      // The canaries the team may see are there, so the scan is looking at the right outputs.
      expect(leaks(dir, ['Qzcanary']).length).toBeGreaterThan(5);
      // Linked both ways, on the item pages and on the Lessons page's card.
      const page = (path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
      expect(page('items/2026-h1/open-work')).toMatch(/Led to[\s\S]*Qzcanary Item Title/);
      expect(page('items/2026-h1/qzleak-item')).toMatch(/Builds on[\s\S]*Open work on hidden goals/);
      expect(page('learnings')).toMatch(/Led to:[\s\S]*Qzcanary Item Title/);
      expect(leaks(dir, HIDDEN_FROM_TEAM)).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});
