import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOn } from '../helpers.ts';
import { build, makeSiteTree } from './site-tree.ts';

// History on the pages, from a scripted repository: a goal's key result over time, the item that
// landed before its target changed, and a shallow clone that builds and says it has no history.

const GOAL = 'content/goals/ci-speed.md';
const ITEM = 'content/accomplishments/2026-h1/cut-ci-time.md';

function edit(root: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(root, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(root, path), text.replace(from, to));
}

/** The base fixture's site, committed in March, measured in April, retargeted in May, edited late. */
function scriptedSite(): string {
  const root = makeSiteTree();
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  commitOn(root, '2026-03-01', 'start', 'content');
  edit(root, GOAL, 'current: 12', 'current: 11');
  commitOn(root, '2026-04-10', 'measured', 'content');
  edit(root, GOAL, 'target: 10', 'target: 8');
  commitOn(root, '2026-05-20', 'retargeted', 'content');
  edit(root, ITEM, 'summary: Sharded the test job four ways.', 'summary: Sharded the test job four ways, and cached the builds.');
  commitOn(root, '2026-07-15', 'late edit', 'content');
  return root;
}

const page = (root: string, path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('history on the pages', () => {
  it('draws a key result over time and tells the item its target changed after it landed', () => {
    const root = scriptedSite();
    const result = build(root, '--audience', 'team');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const goal = page(root, 'goals/ci-speed');
    expect(goal).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Median CI time over time: 12 min on Mar 1, 2026, 11 min since Apr 10, 2026; baseline 20 min, target 8 min\."/,
    );
    expect(text(goal)).toContain(
      'Values over time Median CI time: each value and when it was set Date Value Mar 1, 2026 12 min Apr 10, 2026 11 min',
    );
    // The build's day is 2026-11-27: over 30 days since April.
    expect(text(goal)).toContain('Last updated Apr 10, 2026 · stale: not updated in over 30 days');
    const item = text(page(root, 'items/2026-h1/cut-ci-time'));
    expect(item).toContain(
      'The goal moved after this landed. This work is judged against the goal it was done for: When this landed (Mar 12, 2026), the target of Median CI time was 10 min; it changed to 8 min on May 20, 2026.',
    );
    expect(item).toContain('Submitted Mar 1, 2026 · last edited Jul 15, 2026 · History');
    expect(item).toContain("Changed after the cycle's due date (Jul 10, 2026): on Jul 15, 2026.");
    const ben = text(page(root, 'people/ben'));
    expect(ben).toContain('it changed to 8 min on May 20, 2026.');
  }, 180_000);

  it('builds from a shallow clone and says history is unavailable', () => {
    const origin = scriptedSite();
    const clone = join(mkdtempSync(join(tmpdir(), 'throughline-shallow-site-')), 'site');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const root = makeSiteTree();
    // The clone's content and git, with the site's code around it.
    execFileSync('cp', ['-a', join(clone, '.git'), join(root, '.git')]);
    execFileSync('git', ['checkout', '-q', '--', 'content'], { cwd: root });
    const result = build(root, '--audience', 'team');
    expect(result.status).toBe(0);
    const goal = text(page(root, 'goals/ci-speed'));
    expect(goal).toContain('History is unavailable: this site was built from a shallow clone of its repository');
    expect(goal).not.toContain('Last updated');
    expect(text(page(root, 'items/2026-h1/cut-ci-time'))).toContain('History is unavailable: this site was built from a shallow clone');
  }, 180_000);
});
