// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CLI = ['**/cli/*', '**/cli/**'];
const NODE = ['**/node/*', '**/loaders/*'];
const PAGES = ['**/data/*', '**/components/*', '**/layouts/*', '**/routes/*', '**/routes/**'];
const INTEGRATION = ['**/integration/*', '**/collections/*'];
// Card rendering (satori, sharp, worker threads): Node-only, used by the integration's build hook.
const OG = ['**/og/*'];
const SITE = ['**/lib/*', '**/lib/**', ...PAGES];

/**
 * One `no-restricted-imports` block per room: the patterns it may not import, and what it may, for
 * the message a wrong-way import gets.
 * @param {Record<string, { may: string, not: string[], ignores?: string[] }>} plan
 * @returns {import('typescript-eslint').ConfigArray}
 */
function rooms(plan) {
  return Object.entries(plan).map(([files, { may, not, ignores = [] }]) => ({
    files: [files],
    ignores,
    rules: {
      'no-restricted-imports': [
        /** @type {const} */ ('error'),
        {
          patterns: [
            {
              group: not,
              message: `${files.replace('/**', '/').replace('/*.ts', '/')} may import only ${may} (README, "Working on Throughline").`,
            },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'coverage/', 'compiled/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers read naturally in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Only src/cli/index.ts ends the process.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'return an exit code to src/cli/index.ts instead' },
      ],
    },
  },
  // The house plan (README, "Working on Throughline"): each room imports only the rooms below it.
  ...rooms({
    'src/schema/**': { may: 'zod and its own files', not: ['../*', 'node:*', 'astro', 'astro:*', 'yaml', 'satteri'] },
    'src/core/**': { may: 'the schemas and pure libraries', not: [...SITE, ...NODE, ...CLI, 'node:*', 'astro', 'astro:*'] },
    'src/node/**': { may: 'the core and the schemas', not: [...SITE, ...CLI, 'astro', 'astro:*'] },
    'src/cli/**': { may: 'the core, the schemas and Node I/O', not: [...SITE, 'astro:*'] },
    // One rule per file wins, so a command repeats the CLI's patterns; only the list of commands
    // (index.ts) imports them.
    'src/cli/commands/*.ts': {
      may: 'the core, the schemas, Node I/O and the CLI, never another command',
      not: [...SITE, 'astro:*', './*'],
      ignores: ['src/cli/commands/index.ts'],
    },
    'src/loaders/**': { may: 'the core, the schemas, Node I/O and the Markdown renderer', not: [...CLI, ...PAGES, ...INTEGRATION] },
    'src/integration/**': { may: 'the core, the schemas, Node I/O and the cards', not: [...SITE, ...CLI, '**/loaders/*', 'astro:*'] },
    'src/og/**': { may: 'the core, the schemas and Node I/O', not: [...SITE, ...CLI, ...INTEGRATION, '**/loaders/*', 'astro', 'astro:*'] },
    'src/collections/**': { may: 'the loaders and the schemas', not: [...SITE, ...CLI, '**/integration/*'] },
    'src/{lib,data,components,layouts,routes}/**': {
      may: 'the core, the schemas and the site',
      not: [...CLI, ...NODE, ...INTEGRATION, ...OG, 'node:*'],
    },
    // The write page's script runs in the browser: the core's pure checks and the site's URLs, nothing of Node or Astro.
    'src/client/**': {
      may: 'the core, the schemas and the site’s URLs',
      not: [...CLI, ...NODE, ...INTEGRATION, ...OG, ...PAGES, 'node:*', 'astro', 'astro:*', 'virtual:*', 'satteri', 'yaml'],
    },
    // The data layer stays pure, testable without Astro: the build's settings (the locale, today)
    // come in as arguments from src/data/site.ts.
    'src/lib/**': {
      may: 'the core, the schemas and its own files',
      not: [...CLI, ...NODE, ...INTEGRATION, ...OG, ...PAGES, 'node:*', 'astro', 'astro:*', 'virtual:*'],
    },
  }),
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
