import type { Locator, Page } from 'playwright-core';

/** One page on the reader's path, with the name of the link that led there. */
export interface Stop {
  url: string;
  /** The page's `<h1>`, by its accessible name. */
  heading: string;
  /** The accessible name of the link that was clicked to get here. */
  via: string;
}

export interface Journey {
  home: Stop;
  goal: Stop;
  item: Stop;
  person: Stop;
}

/**
 * A reader's path by accessible roles: home → first link in the "Goals" region ("Goals in <cycle>") → first link in the
 * goal's "Accomplishments" region → first link in the item's "Authors" region. Throws, saying
 * which step broke, when a region, link or heading is missing or a click leads somewhere else.
 */
export async function walk(page: Page, home: string): Promise<Journey> {
  const response = await page.goto(home);
  if (response?.status() !== 200) throw new Error(`Home ${home} answered ${String(response?.status())}`);
  const start: Stop = { url: page.url(), heading: await heading(page), via: '' };
  // Home names the range its goals cover: "Goals in H2 2026".
  const goal = await follow(page, /^Goals( in .+)?$/, home);
  const item = await follow(page, 'Accomplishments', home);
  const person = await follow(page, 'Authors', home);
  if (person.heading !== person.via) {
    throw new Error(`The person page ${person.url} is headed "${person.heading}", but the author link that led there says "${person.via}"`);
  }
  return { home: start, goal, item, person };
}

/** Clicks the first link in the region named `region` and checks where it leads. */
async function follow(page: Page, region: string | RegExp, home: string): Promise<Stop> {
  const from = new URL(page.url()).pathname;
  const regions = page.getByRole('region', typeof region === 'string' ? { name: region, exact: true } : { name: region });
  const count = await regions.count();
  if (count !== 1) {
    throw new Error(`${from} should have one region named "${region}" (a <section> labelled by its heading), but has ${count}`);
  }
  const links = regions.getByRole('link');
  if ((await links.count()) === 0) throw new Error(`The "${region}" region on ${from} has no links`);
  const link = links.first();
  const via = await accessibleName(link);
  const href = await link.evaluate((element) => (element as HTMLAnchorElement).href);
  if (!href.startsWith(home)) throw new Error(`The first link in "${region}" on ${from} ("${via}") leads outside the site: ${href}`);
  await link.click();
  await page.waitForURL(href);
  await page.waitForLoadState('load');
  const stop = { url: page.url(), heading: await heading(page), via };
  if (!via.includes(stop.heading) && !stop.heading.includes(via)) {
    throw new Error(
      `The link "${via}" in "${region}" on ${from} leads to ${new URL(stop.url).pathname}, which is headed "${stop.heading}"`,
    );
  }
  return stop;
}

/** The accessible name of the page's one `<h1>`. */
async function heading(page: Page): Promise<string> {
  const headings = page.getByRole('heading', { level: 1 });
  const count = await headings.count();
  const where = new URL(page.url()).pathname;
  if (count !== 1) throw new Error(`${where} should have one <h1>, but has ${count}`);
  const name = await accessibleName(headings);
  if (name === '') throw new Error(`The <h1> on ${where} is empty`);
  return name;
}

/** What a screen reader announces for the element: its name in the accessibility tree. */
export async function accessibleName(locator: Locator): Promise<string> {
  const snapshot = await locator.ariaSnapshot();
  const quoted = /^- [\w-]+ "((?:[^"\\]|\\.)*)"/.exec(snapshot)?.[1];
  if (quoted !== undefined) return (JSON.parse(`"${quoted}"`) as string).trim();
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
