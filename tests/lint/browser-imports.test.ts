import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

// The write page's script runs in the browser: everything it reaches, file by file, must be free
// of Node, of the YAML reader and of the Markdown parser. Lint sees one file's imports at a time;
// this follows them all, as the bundler does, so an import added deep in the core cannot pull a
// parser into every visitor's download.
const ENTRY = 'src/client/write.ts';
const REFUSED = /^(node:|yaml$|satteri$|astro)/;

/** Every module `entry` reaches: the repository's files, and the packages named. */
function reach(entry: string): { files: string[]; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // Type-only imports are erased; every other import or re-export is loaded.
    for (const [, kind, from] of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (kind !== undefined) continue;
      if (from!.startsWith('.')) visit(resolve(dirname(file), from!));
      else if (!packages.has(from!)) packages.set(from!, relative(REPO, file));
    }
  };
  visit(join(REPO, entry));
  return { files: [...files].map((file) => relative(REPO, file)), packages };
}

describe('the write page’s script', () => {
  it('reaches zod and the core, never Node, YAML, the Markdown parser or Astro', () => {
    const { files, packages } = reach(ENTRY);
    expect(files).toContain('src/core/write/check-draft.ts');
    expect(files).toContain('src/core/scaffold/scaffold.ts');
    const refused = [...packages].filter(([name]) => REFUSED.test(name)).map(([name, by]) => `${name} (imported by ${by})`);
    expect(refused).toEqual([]);
    expect([...packages.keys()].sort()).toEqual(['zod']);
  });
});
