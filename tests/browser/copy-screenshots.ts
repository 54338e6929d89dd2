// `npm run screenshots`: after the browser tests have taken them, copies the README's pictures to
// docs/screenshots/: what a reader sees first of home, a goal, an item and a person at 1280 px, and
// of home at 390 px, a phone's width.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = join(REPO, 'test-results', 'screenshots');
const to = join(REPO, 'docs', 'screenshots');

/** Taken by tests/browser/journey.test.ts (the write page by write.test.ts) → its name in docs/screenshots/. */
const PICTURES: Record<string, string> = {
  'home-1280.png': 'home.png',
  'home-390.png': 'home-phone.png',
  'goal-1280.png': 'goal.png',
  'item-1280.png': 'item.png',
  'person-1280.png': 'person.png',
  'write-1280.png': 'write.png',
};

const missing = Object.keys(PICTURES).filter((name) => !existsSync(join(from, name)));
if (missing.length > 0) {
  console.error(`No ${missing.join(', ')} in ${from}; the browser tests take them (npm test -- tests/browser).`);
  process.exitCode = 1;
} else {
  mkdirSync(to, { recursive: true });
  for (const [name, copy] of Object.entries(PICTURES)) copyFileSync(join(from, name), join(to, copy));
  console.log(`Copied ${Object.values(PICTURES).join(', ')} to ${to}`);
}
