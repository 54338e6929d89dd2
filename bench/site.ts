import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateContent } from './generate.ts';

// `npm run bench:site [-- --items N]`: builds the site from a generated tree of N accomplishments
// and reports build time, peak memory, page count and the largest pages. The limits: no
// HTML page over 200 KB at 10,000 items; an accomplishment page under 40 KB of HTML + CSS.

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const i = args.indexOf('--items');
const ITEMS = i === -1 ? 10_000 : Number(args[i + 1]);
const KB = 1024;

const root = mkdtempSync(join(tmpdir(), 'throughline-bench-site-'));
try {
  const { files, items } = generateContent(root, ITEMS);
  for (const path of ['src', 'public', 'bin', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(REPO, path), join(root, path), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  console.log(`Generated ${files} files (${items} accomplishments); Node ${process.version}`);

  const rssFile = join(tmpdir(), `throughline-rss-${process.pid}`);
  const throughlineBuild = () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [join(root, 'bin/throughline.js'), 'build', '--today', '2026-11-27'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_OPTIONS: `--import=${join(REPO, 'bench/rss.mjs')}`,
        THROUGHLINE_BENCH_RSS: rssFile,
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
      throw new Error(`build failed (exit ${result.status})`);
    }
    const cards = /Cards: (\d+) rendered, (\d+) reused/.exec(result.stdout);
    return { seconds, cards: cards ? `${cards[1]} cards rendered, ${cards[2]} reused` : 'no cards line' };
  };
  // First with an empty card cache, then again as every later build runs: cards cached.
  const cold = throughlineBuild();
  console.log(`Cold build (empty card cache): ${cold.seconds.toFixed(1)} s, ${cold.cards}`);
  // Only the cards stay cached: the content cache goes, as it does for the plain build below.
  rmSync(join(root, '.astro', 'cache', 'data-store.json'), { force: true });
  const warm = throughlineBuild();
  const seconds = warm.seconds;
  console.log(`Warm build: ${seconds.toFixed(1)} s, ${warm.cards}`);
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;

  const dist = join(root, 'dist');
  const pages: { path: string; bytes: number }[] = [];
  let css = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push({ path: relative(dist, path), bytes: stat.size });
    }
  };
  walk(dist);
  pages.sort((a, b) => b.bytes - a.bytes);
  const itemPages = pages.filter((p) => /^items\/[^/]+\/[^/]+\/index\.html$/.test(p.path));
  console.log(
    `Built ${pages.length} pages in ${seconds.toFixed(1)} s (${Math.round(pages.length / seconds)} pages/s), peak RSS ${rssMiB.toFixed(0)} MiB`,
  );
  console.log(`Largest pages (limit 200 KB):`);
  for (const p of pages.slice(0, 8)) console.log(`  ${(p.bytes / KB).toFixed(1).padStart(7)} KB  ${p.path}`);
  const biggestItem = itemPages[0];
  // Only the stylesheets the page links count: pagefind/ holds CSS for the search page alone.
  if (biggestItem) {
    const html = readFileSync(join(dist, biggestItem.path), 'utf8');
    css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)]
      .map((m) => statSync(join(dist, '_astro', basename(m[1]!))).size)
      .reduce((sum, size) => sum + size, 0);
  }
  if (biggestItem)
    console.log(
      `Largest accomplishment page: ${(biggestItem.bytes / KB).toFixed(1)} KB HTML + ${(css / KB).toFixed(1)} KB CSS = ${((biggestItem.bytes + css) / KB).toFixed(1)} KB (limit 40 KB)`,
    );
  // Pagefind's share of the build: the same indexing step again, alone, over the pages just built.
  const { writeSearchIndex } = await import('../src/integration/search-index.ts');
  const indexStarted = performance.now();
  const indexed = await writeSearchIndex(dist);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  const indexBytes = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' })
    .map((file) => statSync(join(dist, 'pagefind', file)))
    .reduce((sum, stat) => sum + (stat.isFile() ? stat.size : 0), 0);
  console.log(
    `Search index (Pagefind): ${indexed.pages} pages in ${indexSeconds.toFixed(1)} s (${((indexSeconds / seconds) * 100).toFixed(0)}% of the build), ${(indexBytes / KB / KB).toFixed(1)} MiB`,
  );
  const over = pages.filter((p) => p.bytes > 200 * KB);
  if (over.length > 0) {
    console.error(`${over.length} pages over 200 KB`);
    process.exitCode = 1;
  }

  // The same pages from `astro build` alone, with no check, no cards and no search index, into a
  // fresh folder with a cold content cache: what `throughline build` adds on top of Astro (the
  // check, staging and the swap, copying cached cards, Pagefind) costs at most half again.
  rmSync(join(root, '.astro'), { recursive: true, force: true });
  writeFileSync(
    join(root, 'astro.config.plain.mjs'),
    "import { defineConfig } from 'astro/config';\nimport throughline from 'throughline';\nexport default defineConfig({ integrations: [throughline({ cards: false, search: false })] });\n",
  );
  const plainStarted = performance.now();
  const plain = spawnSync(
    process.execPath,
    [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.config.plain.mjs', '--outDir', join(root, 'dist-plain')],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  const plainSeconds = (performance.now() - plainStarted) / 1000;
  if (plain.status !== 0) {
    console.error(plain.stdout.slice(-3000), plain.stderr.slice(-3000));
    throw new Error(`astro build failed (exit ${plain.status})`);
  }
  const ratio = seconds / plainSeconds;
  console.log(
    `Plain \`astro build\` of the same tree (no check, cards or search): ${plainSeconds.toFixed(1)} s; the warm throughline build takes ${ratio.toFixed(2)}x (limit 1.5x)`,
  );
  if (ratio > 1.5) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
