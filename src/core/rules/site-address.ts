import type { Rule } from './types.ts';

/**
 * Every link of the site is built on site.yaml's `url`: published at another address, all of them
 * would miss. The deploy passes the address GitHub Pages reports (`--pages-url`); `http` or
 * `https` and a trailing slash make no difference.
 */
export const siteAddress: Rule = (ctx) => {
  const site = ctx.content.site;
  if (ctx.pagesUrl === undefined || site?.data === undefined) return;
  if (where(site.data.url) === where(ctx.pagesUrl)) return;
  ctx.report({
    at: site.doc,
    path: ['url'],
    rule: 'site-address',
    message: `\`url\` is ${site.data.url}, but GitHub Pages publishes this repository at ${ctx.pagesUrl}`,
    hint: `set \`url: ${ctx.pagesUrl}\` in content/site.yaml, or every link of the site will miss`,
  });
};

function where(address: string): string | undefined {
  try {
    const url = new URL(address);
    return `${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}
