// `npm run screenshots`: after the browser tests have taken them, copies the 1280 px screenshots
// of home, a goal, an item and a person to docs/screenshots/ for the README.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = join(REPO, 'test-results', 'screenshots');
const to = join(REPO, 'docs', 'screenshots');

const missing = ['home', 'goal', 'item', 'person'].filter((name) => !existsSync(join(from, `${name}-1280.png`)));
if (missing.length > 0) {
  console.error(`No 1280 px screenshot of ${missing.join(', ')} in ${from}; the browser tests take them (npm test -- tests/browser).`);
  process.exitCode = 1;
} else {
  mkdirSync(to, { recursive: true });
  for (const name of ['home', 'goal', 'item', 'person']) copyFileSync(join(from, `${name}-1280.png`), join(to, `${name}.png`));
  console.log(`Copied home, goal, item and person (1280 px) to ${to}`);
}
