import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { z } from 'zod';
import type { SiteSettings } from '../core/site-settings.ts';
import { localIsoDate } from '../core/text/iso-date.ts';
import { didYouMean } from '../core/text/suggest.ts';
import { buildSettings } from '../node/build-settings.ts';
import { buildCards } from '../og/build.ts';
import { packageInfo } from '../node/package-info.ts';
import { COMPONENTS, OptionsSchema, type ResolvedOptions, type ThroughlineOptions } from './options.ts';
import { isRoute, routePattern } from './routes.ts';
import { writeSearchIndex } from './search-index.ts';
import { publicWritePage, siteAddress, siteAudience } from './site-address.ts';
import { throughlineVite } from './vite-plugin.ts';

export type { ThroughlineOptions };

/**
 * Throughline as an Astro integration: every page of the site, built from the team's `content/`.
 *
 * ```js
 * import { defineConfig } from 'astro/config';
 * import throughline from 'throughline';
 * export default defineConfig({ integrations: [throughline()] });
 * ```
 */
export default function throughline(options: ThroughlineOptions = {}): AstroIntegration {
  const resolved = parseOptions(options);
  // Astro reads these when it records a session and checks for updates, after the config is
  // loaded: pages are built from a team's private work, and nothing phones home, in dev and
  // preview too.
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  process.env['ASTRO_DISABLE_UPDATE_CHECK'] = 'true';
  let cacheDir: URL | undefined;
  return {
    name: 'throughline',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
        const root = fileURLToPath(config.root);
        const address = siteAddress(root);
        const routes = join(packageInfo().root, 'src', 'routes');
        // A team's own public/robots.txt wins: nothing a user wrote is replaced.
        const ownRobots = existsSync(join(root, 'public', 'robots.txt'));
        const audience = buildSettings().audience;
        const buildAudience = audience ?? siteAudience(root);
        // The one page with client code, where anyone may draft an item: public builds only on request.
        const write = buildAudience !== 'public' || publicWritePage(root);
        for (const file of readdirSync(routes, { recursive: true, encoding: 'utf8' })) {
          if (!isRoute(file) || (ownRobots && file === 'robots.txt.ts')) continue;
          if ((!resolved.search && file === 'search.astro') || (!resolved.cards && file.startsWith('og'))) continue;
          if (!write && file === 'write.astro') continue;
          injectRoute({ pattern: routePattern(file), entrypoint: pathToFileURL(join(routes, file)) });
        }
        const base = address.pathname;
        const settings: SiteSettings = {
          audience,
          base,
          today: buildSettings().today ?? localIsoDate(new Date()),
          locale: resolved.locale,
          favicon: existsSync(join(root, 'public', 'favicon.svg')) ? `${base}favicon.svg` : undefined,
          cards: resolved.cards,
          search: resolved.search,
          write,
        };
        updateConfig({
          site: address.origin,
          base,
          trailingSlash: 'always',
          build: { format: 'directory' },
          // Inside the project, not node_modules/.astro: trees that share node_modules (tests,
          // linked installs) must never share the content cache.
          cacheDir: new URL('./.astro/cache/', config.root),
          // Pages need no client code: no dev toolbar, no prefetch script.
          devToolbar: { enabled: false },
          prefetch: false,
          // Only the public build is for search engines; the others carry `noindex` on every page.
          integrations: buildAudience === 'public' ? [sitemap({ filter: (page) => !page.endsWith('/404/') })] : [],
          vite: {
            plugins: [
              throughlineVite({
                settings,
                customCss: resolved.customCss.map((css) => projectPath(root, css, 'customCss')),
                overrides: overrides(root, resolved.components),
              }),
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      // Cards are drawn once every page is written, from the list the pages left (src/og/build.ts).
      // `astro dev` has none: a card exists only in a build.
      'astro:build:done': async ({ dir, logger }) => {
        // Side by side: the cards are drawn or linked from the cache, Pagefind reads only the pages.
        const cards = async () => {
          if (!resolved.cards) return;
          const stats = await buildCards(fileURLToPath(dir), fileURLToPath(cacheDir!));
          const report = buildSettings().onCards;
          if (report) report(stats);
          else logger.info(`Cards: ${stats.rendered} rendered, ${stats.reused} reused`);
        };
        const search = async () => {
          if (!resolved.search) return;
          const { pages } = await writeSearchIndex(fileURLToPath(dir));
          logger.info(`Search: indexed ${pages} pages`);
        };
        // Both finish before a failure is reported: nothing may still write into a folder the
        // build is about to delete.
        const failed = (await Promise.allSettled([cards(), search()])).find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
      },
    },
  };
}

function parseOptions(options: ThroughlineOptions): ResolvedOptions {
  const parsed = OptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new AstroError(
    `throughline(): ${parsed.error.issues.map(describeIssue).join('; ')}`,
    'Fix the options passed to throughline() in astro.config.mjs (docs/adopting.md lists them).',
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.path[0] === 'components') {
    return issue.keys
      .map(
        (name) =>
          `\`components.${name}\` is not a component Throughline draws${suffix(didYouMean(name, COMPONENTS))}; it has ${COMPONENTS.join(', ')}`,
      )
      .join('; ');
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `unknown option \`${key}\`${suffix(didYouMean(key, Object.keys(OptionsSchema.shape)))}`).join('; ');
  }
  return `\`${issue.path.map(String).join('.')}\`: ${issue.message}`;
}

function suffix(hint: string | undefined): string {
  return hint === undefined ? '' : ` (${hint})`;
}

/** An option's file: from the project root when it starts with `.` or `/`, else a package's file. */
function projectPath(root: string, file: string, option: string): string {
  if (!file.startsWith('.') && !isAbsolute(file)) return file;
  const path = resolve(root, file);
  if (!existsSync(path)) {
    throw new AstroError(
      `throughline(): ${option} names \`${file}\`, which does not exist (looked for ${path})`,
      'Paths in throughline() options start from the project root, e.g. `./src/styles/custom.css`.',
    );
  }
  return path;
}

function overrides(root: string, components: ResolvedOptions['components']): Map<string, string> {
  const map = new Map<string, string>();
  const defaults = join(packageInfo().root, 'src', 'components');
  for (const [name, file] of Object.entries(components)) {
    map.set(join(defaults, `${name}.astro`), projectPath(root, file, `components.${name}`));
  }
  return map;
}
