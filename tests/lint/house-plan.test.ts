import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

// The rooms of src/ and what each may import (README, "Working on Throughline"), as `npm run lint`
// enforces them. Type information is not needed for import rules, so files that do not exist can
// be linted as text.
const eslint = new ESLint({
  cwd: REPO,
  overrideConfig: [
    { ...tseslint.configs.disableTypeChecked, languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});

/** The rule ids ESLint reports for one import written in `file`. */
async function lint(file: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from '${from}';\nexport const x = m;\n`, { filePath: join(REPO, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the house plan', () => {
  it.each([
    ['src/schema/x.ts', '../core/text/text-checks.ts'],
    ['src/schema/x.ts', 'node:fs'],
    ['src/core/x.ts', '../cli/index.ts'],
    ['src/core/x.ts', '../node/fs.ts'],
    ['src/core/x.ts', '../lib/urls.ts'],
    ['src/core/x.ts', 'node:fs'],
    ['src/core/x.ts', 'astro:content'],
    ['src/node/x.ts', '../cli/index.ts'],
    ['src/node/x.ts', '../lib/urls.ts'],
    ['src/cli/commands/x.ts', '../../lib/urls.ts'],
    ['src/cli/x.ts', '../data/site.ts'],
    ['src/cli/commands/x.ts', './check.ts'],
    ['src/loaders/x.ts', '../cli/index.ts'],
    ['src/lib/x.ts', '../cli/index.ts'],
    ['src/lib/x.ts', '../node/fs.ts'],
    ['src/lib/x.ts', 'virtual:throughline/settings'],
    ['src/lib/x.ts', 'astro:content'],
    ['src/lib/x.ts', '../data/site.ts'],
    ['src/data/x.ts', '../node/fs.ts'],
    ['src/integration/x.ts', '../lib/urls.ts'],
    ['src/integration/x.ts', '../cli/index.ts'],
    ['src/collections/x.ts', '../cli/index.ts'],
    ['src/routes/x.ts', '../integration/index.ts'],
    ['src/routes/x.ts', '../og/render.ts'],
    ['src/lib/x.ts', '../og/render.ts'],
    ['src/og/x.ts', '../lib/cards.ts'],
    ['src/og/x.ts', '../integration/index.ts'],
  ])('refuses %s importing %s', async (file, from) => {
    expect(await lint(file, from)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['src/schema/x.ts', './common.ts'],
    ['src/core/x.ts', '../schema/index.ts'],
    ['src/core/x.ts', 'yaml'],
    ['src/node/x.ts', '../core/read/paths.ts'],
    ['src/node/x.ts', 'node:fs'],
    ['src/cli/commands/x.ts', '../../node/fs.ts'],
    ['src/cli/commands/x.ts', '../check-run.ts'],
    ['src/cli/commands/index.ts', './check.ts'],
    ['src/loaders/x.ts', '../node/fs.ts'],
    ['src/lib/x.ts', '../core/model/audience.ts'],
    ['src/integration/x.ts', '../node/package-info.ts'],
    ['src/collections/x.ts', '../loaders/content.ts'],
    ['src/integration/x.ts', '../og/build.ts'],
    ['src/og/x.ts', '../core/card-spec.ts'],
  ])('allows %s importing %s', async (file, from) => {
    expect(await lint(file, from)).toEqual([]);
  });
});

describe('the house plan in .astro files, which ESLint does not read', () => {
  it('keeps components, layouts and pages off the CLI, Node I/O and the integration', () => {
    const astro = readdirSync(join(REPO, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro'));
    expect(astro.length).toBeGreaterThan(10);
    const wrong = astro.flatMap((file) =>
      [...readFileSync(join(REPO, 'src', file), 'utf8').matchAll(/^import .* from '([^']+)'/gm)]
        .map((m) => m[1]!)
        .filter((from) => /(^|\/)(cli|node|integration)\/|^node:/.test(from))
        .map((from) => `${file} imports ${from}`),
    );
    expect(wrong).toEqual([]);
  });
});
