import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.ts';

// What `npm ci` on a fresh clone must give: the pinned Node, and one zod shared with Astro.
describe('the installed toolchain', () => {
  it('runs on the Node pinned in package.json, not the machine’s', () => {
    const pinned = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies['node']!;
    expect(pinned).toMatch(/^\^24\./);
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(readFileSync(join(REPO, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it('has exactly one copy of zod, which Astro uses too', () => {
    const copies: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === '.bin' || name === '.cache' || name === '.astro') continue;
        const path = join(dir, name);
        if (name.startsWith('@')) {
          visit(path);
          continue;
        }
        if (name === 'zod' && existsSync(join(path, 'package.json'))) copies.push(path);
        const nested = join(path, 'node_modules');
        if (existsSync(nested)) visit(nested);
      }
    };
    visit(join(REPO, 'node_modules'));
    expect(copies.map((path) => path.slice(REPO.length + 1))).toEqual(['node_modules/zod']);
  });
});
