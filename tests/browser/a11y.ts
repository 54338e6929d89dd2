import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { Finding } from './report.ts';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the product promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** One line per failing element: its selector and what is wrong. */
  nodes: string[];
}

type Axe = typeof import('axe-core');

/**
 * Puts axe-core into every page the context loads. Parsing it as an init script costs a tenth of
 * injecting it into each loaded page.
 */
export async function prepareAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axe.source });
}

/**
 * The WCAG rules whose result depends on colour (contrast, links told apart from text by colour
 * alone). The others read the DOM and layout, which the colour scheme does not change, so the dark
 * scheme needs only these.
 */
export const COLOUR_RULES = axe
  .getRules(WCAG_TAGS)
  .filter((rule) => rule.tags.includes('cat.color'))
  .map((rule) => rule.ruleId);

/**
 * Runs axe-core on the loaded page in the given colour scheme and returns its violations: of all
 * the WCAG 2.2 A and AA rules, or only of the colour rules.
 */
export async function axeViolations(page: Page, colorScheme: 'light' | 'dark', rules: 'wcag' | 'colour' = 'wcag'): Promise<Violation[]> {
  await page.emulateMedia({ colorScheme });
  // Let colour transitions finish, or axe would measure contrast halfway between the schemes.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const runOnly: axe.RunOnly = rules === 'wcag' ? { type: 'tag', values: WCAG_TAGS } : { type: 'rule', values: COLOUR_RULES };
  return page.evaluate(async (only) => {
    const { axe: api } = window as unknown as { axe: Axe };
    const results = await api.run(document, { runOnly: only, resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map((node) => {
        const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
        return `${node.target.flat().join(' ')} — ${summary}`;
      }),
    }));
  }, runOnly);
}

/** `rule (impact) help: selector — what is wrong`, one finding per failing element. */
export function violationFindings(page: string, violations: Violation[]): Finding[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => ({ page, problem: `${violation.rule} (${violation.impact}) ${violation.help}:\n    ${node}` })),
  );
}

export interface Focused {
  /** `<a href="...">Text</a>`, shortened, to say which element in a message. */
  element: string;
  text: string;
  href: string | null;
  /** Why its focus is visible (`outline 2px solid`, `box-shadow ...`), or undefined when it is not. */
  indicator: string | undefined;
  /** Whether its box is at least 2×2 px and inside the viewport. */
  onScreen: boolean;
  /** Whether it is inside `<main>`. */
  inMain: boolean;
}

/** The element that has keyboard focus and how its focus shows, or undefined when it is the page itself. */
export async function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body || element === document.documentElement) return undefined;
    const style = getComputedStyle(element);
    const outlineWidth = parseFloat(style.outlineWidth);
    let indicator: string | undefined;
    if (style.outlineStyle !== 'none' && outlineWidth > 0)
      indicator = `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    else if (style.boxShadow !== 'none') indicator = `box-shadow ${style.boxShadow}`;
    const box = element.getBoundingClientRect();
    const onScreen = box.width >= 2 && box.height >= 2 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
    const html = element.outerHTML;
    return {
      element: html.length > 160 ? `${html.slice(0, 157)}...` : html,
      text: element.textContent.replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href'),
      indicator,
      onScreen,
      inMain: element.closest('main') !== null,
    };
  });
}
