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
  // Every build goes into a fresh folder: replacing a previous site would time its deletion too.
  const throughlineBuild = (outDir: string) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [join(root, 'bin/throughline.js'), 'build', '--today', '2026-11-27', '--out-dir', outDir], {
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
  // The same pages from `astro build` alone: no check, no cards, no search index.
  writeFileSync(
    join(root, 'astro.config.plain.mjs'),
    "import { defineConfig } from 'astro/config';\nimport throughline from 'throughline';\nexport default defineConfig({ integrations: [throughline({ cards: false, search: false })] });\n",
  );
  const plainBuild = (outDir: string) => {
    const started = performance.now();
    const plain = spawnSync(
      process.execPath,
      [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.config.plain.mjs', '--outDir', join(root, outDir)],
      { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
    );
    if (plain.status !== 0) {
      console.error(plain.stdout.slice(-3000), plain.stderr.slice(-3000));
      throw new Error(`astro build failed (exit ${plain.status})`);
    }
    return (performance.now() - started) / 1000;
  };
  // Astro's content cache goes before every build, so each one reads all the content; only the
  // cards stay cached, as they do from one real build to the next.
  const dropContentCache = () => {
    rmSync(join(root, '.astro', 'cache', 'data-store.json'), { force: true });
  };

  dropContentCache();
  const cold = throughlineBuild('dist-cold');
  console.log(`Cold build (empty card cache): ${cold.seconds.toFixed(1)} s, ${cold.cards}`);
  // This machine's timings wander by a fifth from one build to the next: warm and plain builds
  // take turns, and the medians are compared.
  const RUNS = 3;
  const warmRuns: number[] = [];
  const plainRuns: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    dropContentCache();
    const warm = throughlineBuild(`dist-warm-${run}`);
    warmRuns.push(warm.seconds);
    dropContentCache();
    plainRuns.push(plainBuild(`dist-plain-${run}`));
    console.log(
      `Run ${run}: warm throughline build ${warm.seconds.toFixed(1)} s (${warm.cards}); plain \`astro build\` ${plainRuns.at(-1)!.toFixed(1)} s`,
    );
  }
  const seconds = median(warmRuns);
  const plainSeconds = median(plainRuns);
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;

  const dist = join(root, 'dist-warm-1');
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

  const ratio = seconds / plainSeconds;
  console.log(
    `Median of ${RUNS}: warm throughline build ${seconds.toFixed(1)} s, plain \`astro build\` of the same tree ${plainSeconds.toFixed(1)} s: ${ratio.toFixed(2)}x (limit 1.5x)`,
  );
  if (ratio > 1.5) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
