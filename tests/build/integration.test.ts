import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemText } from '../helpers.ts';
import { build, makeSiteTree } from './site-tree.ts';

// What a team configures in astro.config.mjs reaches the built pages: its own component in place
// of one of Throughline's, its stylesheet after Throughline's, and its icon or Throughline's.
describe('throughline() options in a team’s astro.config.mjs', () => {
  it('draws the team’s component and loads its stylesheet; without public/favicon.svg the icon is Throughline’s', () => {
    const root = makeSiteTree();
    writeFileSync(
      join(root, 'astro.config.mjs'),
      [
        "import { defineConfig } from 'astro/config';",
        "import throughline from 'throughline';",
        'export default defineConfig({',
        "  integrations: [throughline({ customCss: ['./src/team/team.css'], components: { OutcomeBadge: './src/team/Outcome.astro' } })],",
        '});',
        '',
      ].join('\n'),
    );
    mkdirSync(join(root, 'src/team'));
    writeFileSync(join(root, 'src/team/team.css'), ':root { --team-mark: 7px; }\n');
    writeFileSync(
      join(root, 'src/team/Outcome.astro'),
      '---\nconst { outcome } = Astro.props;\n---\n\n<em class="team-outcome">{outcome.toUpperCase()}</em>\n',
    );
    rmSync(join(root, 'public', 'favicon.svg'));
    const result = build(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const item = readFileSync(join(root, 'dist/items/2026-h1/cut-ci-time/index.html'), 'utf8');
    expect(item).toContain('<em class="team-outcome">DELIVERED</em>');
    expect(item).not.toContain('class="badge delivered"');
    expect(item).toContain('class="brand" href="/impact/"');
    const css = [...item.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
      readFileSync(join(root, 'dist', m[1]!.replace(/^\/[^/]*\//, '')), 'utf8'),
    );
    expect(css.join('\n')).toContain('--team-mark:7px');
    expect(item).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
  }, 120_000);

  it('stops the build with the option’s problem and its hint, writing nothing', () => {
    const root = makeSiteTree();
    writeFileSync(join(root, 'astro.config.mjs'), config("throughline({ customCss: ['./src/styles/missing.css'] })"));
    const result = build(root);
    expect(result.status).toBe(1);
    // Astro's own log lines (timestamped) come first; what the team reads is ours.
    const ours = result.stderr.slice(result.stderr.indexOf('Not built')).replace(root, '<root>');
    expect(ours).toMatchInlineSnapshot(`
      "Not built: throughline(): customCss names \`./src/styles/missing.css\`, which does not exist (looked for <root>/src/styles/missing.css)
        hint: Paths in throughline() options start from the project root, e.g. \`./src/styles/custom.css\`.
      \`dist/\` was left as it was.
      "
    `);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  }, 120_000);

  it('says so when astro.config.mjs does not use the integration, instead of publishing an empty site', () => {
    const root = makeSiteTree();
    writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
    const result = build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Not built: Astro built no pages: astro.config.mjs must list the integration, `integrations: [throughline()]`',
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
  }, 120_000);
});

describe('before → after on an item page', () => {
  it('says “better” or “worse” by the key result’s direction, else by `better`, and nothing without either', () => {
    const impact = [
      { metric: 'Breakages', before: 0, after: 2, unit: 'breakages', better: 'lower' },
      { metric: 'Pages a week', before: 3, after: 5, unit: 'pages', better: 'higher' },
      { metric: 'Coffee', before: 1, after: 2, unit: 'cups' },
    ];
    const root = makeSiteTree(undefined, {
      files: { 'content/accomplishments/2026-h1/breakages.md': itemText({ title: 'Breakages', impact }) },
    });
    expect(build(root).status).toBe(0);
    const verdicts = (path: string) =>
      [
        ...readFileSync(join(root, 'dist/items/2026-h1', path, 'index.html'), 'utf8').matchAll(/<span class="verdict (\w+)"[^>]*>(\w+)</g),
      ].map((m) => `${m[1]!}:${m[2]!}`);
    // 0 → 2 breakages is worse; 3 → 5 pages is better; cups say nothing.
    expect(verdicts('breakages')).toEqual(['worse:worse', 'better:better']);
    // Tied to a key result whose target is below its baseline: 20 → 14 min is better.
    expect(verdicts('cut-ci-time')).toEqual(['better:better']);
  }, 120_000);
});

describe('a valid tree', () => {
  it('with no accomplishments yet builds without Astro warning that a collection "does not exist or is empty"', () => {
    const root = makeSiteTree(undefined, { remove: ['content/accomplishments'] });
    const result = build(root);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/does not exist or is empty|WARN/);
    // A link to an empty list is not shown: no "All 0 lessons".
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).not.toMatch(/All 0 /);
  }, 120_000);
});

/** A team's astro.config.mjs with this integration call. */
function config(call: string): string {
  return `import { defineConfig } from 'astro/config';\nimport throughline from 'throughline';\nexport default defineConfig({ integrations: [${call}] });\n`;
}
