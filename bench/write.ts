import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkFiles } from '../src/core/check.ts';
import { catalogContent } from '../src/core/write/catalog.ts';
import { checkDraft, newDraft } from '../src/core/write/check-draft.ts';
import { writeCatalog } from '../src/lib/data-export.ts';
import { checkedSiteModel } from '../src/lib/site-model.ts';
import { siteUrls } from '../src/lib/urls.ts';
import { readContentTree } from '../src/node/fs.ts';
import { generateContent } from './generate.ts';

// `npm run bench:write`: the write page on a team of ITEMS accomplishments. What its visitors
// download besides the script (the data exports it reads, gzipped as Pages serves them), and how
// long checking the draft takes, which it does as the person types. The limit keeps typing smooth
// on a slow phone, several times slower than this machine.

const ITEMS = 10_000;
const TODAY = '2026-11-27';
const LIMIT_MS = 25;

const root = mkdtempSync(join(tmpdir(), 'throughline-bench-write-'));
try {
  generateContent(root, ITEMS);
  const content = checkFiles(readContentTree(root), { today: TODAY }).content;
  const urls = siteUrls('/');
  const catalog = writeCatalog(checkedSiteModel(content, 'team', TODAY), urls);
  const sizes = Object.entries(catalog).map(([name, list]) => {
    const json = JSON.stringify(list);
    return `${name} ${kb(json.length)} (${kb(gzipSync(json).length)} gzipped)`;
  });
  console.log(`Data the page reads for ${ITEMS.toLocaleString('en')} items: ${sizes.join(', ')}; Node ${process.version}`);

  let started = performance.now();
  const known = catalogContent(catalog);
  console.log(`Catalog ready in ${(performance.now() - started).toFixed(0)} ms (once, when the items arrive)`);

  const draft = {
    ...newDraft(catalog, TODAY),
    author: catalog.people[0]!.id,
    title: 'Cut the median build time in half',
    summary: 'Sharded the test job.',
    goals: [{ goal: catalog.goals.find((g) => g.cycle === '2026-h2')!.id, key_result: '' }],
    date: '2026-11-20',
    evidence: [{ label: 'PR #1', url: 'https://github.com/example/impact/pull/1' }],
    builds_on: [catalog.items.at(-1)!.id],
    sections: { Impact: 'Faster.' },
  };
  const runs: number[] = [];
  for (let run = 0; run < 30; run++) {
    started = performance.now();
    const result = checkDraft({ ...draft, title: `${draft.title} ${run}` }, known, { sections: ['Impact'], today: TODAY });
    runs.push(performance.now() - started);
    if (result.markdown === undefined) throw new Error(`the draft did not pass: ${JSON.stringify(result.problems)}`);
  }
  const median = runs.sort((a, b) => a - b)[runs.length >> 1]!;
  console.log(`Draft checked in ${median.toFixed(1)} ms, median of ${runs.length} (limit ${LIMIT_MS} ms)`);
  if (median > LIMIT_MS) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
