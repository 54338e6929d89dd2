import type { BrowserContext, Page } from 'playwright-core';
import type { Finding } from './report.ts';

/** A reference from a page to another address: a link, stylesheet, image, script or OG image. */
export interface Reference {
  /** The element it came from: `a`, `link`, `img`, `script`, `meta`, ... */
  tag: string;
  /** As written in the HTML. */
  raw: string;
  /** Resolved against the page, canonical addresses of the site mapped to the local server. */
  url: string;
}

/** What loading one page in the browser showed. */
export interface Visit<T> {
  url: string;
  status: number | undefined;
  ids: string[];
  references: Reference[];
  /** `404 <url>` for every response with an error status while the page loaded. */
  badResponses: string[];
  /** Requests that never got a response (not counting blocked ones to other hosts). */
  failedRequests: string[];
  /**
   * Addresses of requests the browser itself abandoned (`net::ERR_ABORTED`): the next navigation
   * cancels what the last page still had in flight, such as a favicon, on a loaded machine. Not a
   * failure of the site; the test fetches each once to be sure it exists.
   */
  abortedRequests: string[];
  /** Requests to any host other than the local server; they are blocked. */
  foreignRequests: string[];
  consoleErrors: string[];
  /** What `inspect` found once the page had loaded. */
  result: T;
}

/** An internal address the crawl fetched: a page, feed, JSON export, image, ... */
export interface Target {
  status: number;
  contentType: string;
  /** Where redirects ended. */
  finalUrl: string;
}

export interface Crawl<T> {
  /** Every HTML page, by address. */
  pages: Map<string, Visit<T>>;
  /** Every internal address that was referenced or visited, by address without fragment. */
  targets: Map<string, Target>;
}

export interface CrawlOptions<T> {
  /** Where to start: the home page and every HTML file in the build. */
  start: string[];
  /** The local server, `http://127.0.0.1:<port>`. */
  origin: string;
  /** The site's canonical address (`https://acme.github.io/impact/`): links to it are internal. */
  canonical: string;
  /** Pages loaded at once. */
  concurrency: number;
  /** Runs on each loaded page, e.g. axe. */
  inspect: (page: Page) => Promise<T>;
}

/** Loads every start page and every internal page they link to, recursively, in the browser. */
export async function crawl<T>(context: BrowserContext, options: CrawlOptions<T>): Promise<Crawl<T>> {
  const { origin } = options;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  const pages = new Map<string, Visit<T>>();
  const targets = new Map<string, Target>();
  const queued = new Set<string>();
  let queue: string[] = [];
  const enqueue = (url: string) => {
    if (queued.has(url)) return;
    queued.add(url);
    queue.push(url);
  };
  for (const url of options.start) enqueue(withoutFragment(url));
  const tabs = await Promise.all(Array.from({ length: options.concurrency }, () => openTab(context, origin)));
  while (queue.length > 0) {
    const wave = queue;
    queue = [];
    const visits = await mapLimit(wave, tabs, (tab, url) => visit(tab, url, options));
    for (const found of visits) {
      pages.set(found.url, found);
      const internal = found.references.map((reference) => withoutFragment(reference.url)).filter((url) => isInternal(url, origin));
      for (const url of new Set(internal)) {
        if (targets.has(url)) continue;
        const target = await fetchTarget(url);
        targets.set(url, target);
        if (target.status === 200 && target.contentType.startsWith('text/html')) enqueue(target.finalUrl);
      }
    }
  }
  for (const tab of tabs) await tab.page.close();
  return { pages, targets };
}

/** Broken internal references: a status other than 200, or a `#fragment` with no such id. */
export function brokenReferences(site: Crawl<unknown>, origin: string): Finding[] {
  const problems: Finding[] = [];
  for (const page of site.pages.values()) {
    for (const reference of page.references) {
      if (!isInternal(reference.url, origin)) continue;
      const url = new URL(reference.url);
      const target = site.targets.get(withoutFragment(reference.url));
      const add = (problem: string) =>
        problems.push({ page: local(page.url, origin), problem: `<${reference.tag}> "${reference.raw}" ${problem}` });
      if (target === undefined) add('was never checked');
      else if (target.status !== 200) add(`→ ${target.status}`);
      else if (url.hash.length > 1 && reference.tag === 'a') {
        const id = decodeURIComponent(url.hash.slice(1));
        const ids = site.pages.get(target.finalUrl)?.ids;
        if (ids === undefined) add(`points into ${local(target.finalUrl, origin)}, which is not an HTML page`);
        else if (!ids.includes(id))
          add(`→ no element with id="${id}"${target.finalUrl === page.url ? '' : ` on ${local(target.finalUrl, origin)}`}`);
      }
    }
  }
  return problems;
}

/** Links to other sites and mail addresses, which the crawl does not follow. */
export function externalReferences(site: Crawl<unknown>, origin: string): Reference[] {
  return [...site.pages.values()].flatMap((page) => page.references.filter((reference) => !isInternal(reference.url, origin)));
}

/** The path and query of an address on the local server, for messages. */
export function local(url: string, origin: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) : url;
}

/** What a page's listeners record while one address loads in it. */
type Heard = Pick<Visit<unknown>, 'badResponses' | 'failedRequests' | 'abortedRequests' | 'foreignRequests' | 'consoleErrors'>;

const nothingHeard = (): Heard => ({ badResponses: [], failedRequests: [], abortedRequests: [], foreignRequests: [], consoleErrors: [] });

/** A tab that loads one address after another. */
interface Tab {
  page: Page;
  /** What the listeners heard since `reset`. */
  heard: () => Heard;
  reset: () => void;
}

/**
 * Opening a tab costs more than loading a page (each new tab gets axe-core's init script), so each
 * worker keeps one. What its listeners hear goes to the address being loaded until the next starts.
 */
async function openTab(context: BrowserContext, origin: string): Promise<Tab> {
  const page = await context.newPage();
  let heard = nothingHeard();
  page.on('response', (response) => {
    if (response.status() >= 400) heard.badResponses.push(`${response.status()} ${local(response.url(), origin)}`);
  });
  page.on('request', (request) => {
    if (isForeign(request.url(), origin)) heard.foreignRequests.push(request.url());
  });
  page.on('requestfailed', (request) => {
    if (isForeign(request.url(), origin)) return;
    const error = request.failure()?.errorText ?? 'failed';
    if (error === 'net::ERR_ABORTED') heard.abortedRequests.push(request.url());
    else heard.failedRequests.push(`${local(request.url(), origin)}: ${error}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url: source, lineNumber } = message.location();
      heard.consoleErrors.push(`${message.text()}${source ? ` (${local(source, origin)}:${lineNumber + 1})` : ''}`);
    }
  });
  page.on('pageerror', (error) => {
    heard.consoleErrors.push(`uncaught ${error.name}: ${error.message}`);
  });
  return {
    page,
    heard: () => heard,
    reset: () => {
      heard = nothingHeard();
    },
  };
}

async function visit<T>(tab: Tab, url: string, options: CrawlOptions<T>): Promise<Visit<T>> {
  tab.reset();
  const { page } = tab;
  const response = await page.goto(url, { waitUntil: 'load' });
  const found = await page.evaluate(collect);
  const references = found.references.map((reference) => ({
    ...reference,
    url: toLocal(reference.url, options.canonical, options.origin),
  }));
  const result = await options.inspect(page);
  return { url, status: response?.status(), ids: found.ids, references, ...tab.heard(), result };
}

/** Runs in the page: every id, and every address the page refers to. */
function collect(): { ids: string[]; references: { tag: string; raw: string; url: string }[] } {
  const references: { tag: string; raw: string; url: string }[] = [];
  const add = (element: Element, attribute: string) => {
    const raw = element.getAttribute(attribute);
    if (raw === null || raw.trim() === '') return;
    try {
      references.push({ tag: element.localName, raw, url: new URL(raw, document.baseURI).href });
    } catch {
      references.push({ tag: element.localName, raw, url: `invalid:${raw}` });
    }
  };
  for (const element of document.querySelectorAll('a[href], area[href]')) add(element, 'href');
  for (const element of document.querySelectorAll('link[href]')) {
    if (!/\b(preconnect|dns-prefetch)\b/.test(element.getAttribute('rel') ?? '')) add(element, 'href');
  }
  for (const element of document.querySelectorAll('img[src], script[src], iframe[src], source[src], video[src], audio[src]'))
    add(element, 'src');
  for (const element of document.querySelectorAll('meta[property="og:image"], meta[property="og:url"], meta[name="twitter:image"]')) {
    add(element, 'content');
  }
  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
  const names = [...document.querySelectorAll('a[name]')].map((element) => element.getAttribute('name') ?? '');
  return { ids: [...ids, ...names], references };
}

/** `https://acme.github.io/impact/goals/` → `http://127.0.0.1:<port>/impact/goals/`. */
function toLocal(url: string, canonical: string, origin: string): string {
  if (!url.startsWith(canonical) && url !== canonical.slice(0, -1)) return url;
  const { pathname, search, hash } = new URL(url);
  return origin + pathname + search + hash;
}

function isInternal(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`);
}

function isForeign(url: string, origin: string): boolean {
  return /^https?:/.test(url) && !isInternal(url, origin);
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

async function fetchTarget(url: string): Promise<Target> {
  const response = await fetch(url);
  await response.body?.cancel();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', finalUrl: response.url };
}

/** Runs `work` on every item, each worker with its own `slot` (a tab). */
async function mapLimit<S, T, R>(items: T[], slots: S[], work: (slot: S, item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (slot: S) => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(slot, items[index]!);
    }
  };
  await Promise.all(slots.map(worker));
  return results;
}
