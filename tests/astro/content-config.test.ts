import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemText, makeTree, REPO } from '../helpers.ts';

// The site reads content through src/content.config.ts with the same schemas and parser as the
// check: `astro sync` over the base fixture must load every entry, dates still strings.
/** `astro sync` on a copy of the site code over the base fixture with `files` over it. */
function sync(files: Record<string, string> = {}) {
  const root = makeTree(undefined, { files });
  // A copy of the package itself, so `throughline` resolves to it by name as in a team's tree.
  for (const path of ['src', 'bin', 'tsconfig.json', 'package.json']) cpSync(join(REPO, path), join(root, path), { recursive: true });
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport throughline from 'throughline';\nexport default defineConfig({ integrations: [throughline()] });\n",
  );
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  const result = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  return {
    status: result.status,
    log: result.stdout + result.stderr,
    store: () => readFileSync(join(root, '.astro', 'cache', 'data-store.json'), 'utf8'),
  };
}

describe('the Astro content collections', () => {
  it('load every entry of content/ with the shared schemas', () => {
    const result = sync();
    expect(result.status, result.log).toBe(0);
    expect(result.log).not.toMatch(/skipped|cannot read|WARN/);
    const store = result.store();
    for (const id of [
      '2026-h1/cut-ci-time',
      '2026-h1/fix-login-loop',
      '2026-h1/try-remote-cache',
      'ci-speed',
      'ship-faster',
      'ana',
      'ben',
      'cleo',
      'core',
      '2026-h1',
      'site',
    ]) {
      expect(store).toContain(`"${id}"`);
    }
    expect(store).toContain('"2026-03-12"');
  }, 120_000);

  it('skip only an invalid entry, and log the check’s own problem for it (npm run dev)', () => {
    const result = sync({ 'content/accomplishments/2026-h1/broken.md': itemText({ outcome: 'deliverd' }) });
    expect(result.status, result.log).toBe(0);
    expect(
      result.log
        .split('\n')
        .filter((line) => line.includes('broken.md'))
        .map((line) => line.replace(/^.*?\[WARN\] /, '')),
    ).toMatchInlineSnapshot(`
      [
        "[throughline-accomplishments] content/accomplishments/2026-h1/broken.md:8:1 invalid-value Unexpected \`deliverd\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\` (hint: did you mean \`delivered\`?)",
        "[throughline-accomplishments] skipped content/accomplishments/2026-h1/broken.md; \`npm run check\` shows every problem",
      ]
    `);
    const store = result.store();
    expect(store).toContain('"2026-h1/cut-ci-time"');
    expect(store).not.toContain('"2026-h1/broken"');
  }, 120_000);
});
