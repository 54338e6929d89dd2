import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, REPO } from '../helpers.ts';

// The site reads content through src/content.config.ts with the same schemas and parser as the
// check: `astro sync` over the base fixture must load every entry, dates still strings.
describe('the Astro content collections', () => {
  it('load every entry of content/ with the shared schemas', () => {
    const root = makeTree();
    cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
    cpSync(join(REPO, 'tsconfig.json'), join(root, 'tsconfig.json'));
    cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
    writeFileSync(
      join(root, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: './.cache' });\n",
    );
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    const result = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/skipped|cannot read/);
    const store = readFileSync(join(root, '.cache', 'data-store.json'), 'utf8');
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
});
