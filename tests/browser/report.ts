import { expect } from 'vitest';

/** One problem found on one page. */
export interface Finding {
  page: string;
  problem: string;
}

const PAGES_SHOWN = 4;

/**
 * One line per distinct problem with the pages it is on, so a fault in the shared layout reads as
 * one line "on 150 pages" rather than 150 lines.
 */
export function summarize(findings: Finding[]): string[] {
  const pages = new Map<string, string[]>();
  for (const { page, problem } of findings) {
    const list = pages.get(problem) ?? [];
    if (!list.includes(page)) list.push(page);
    pages.set(problem, list);
  }
  return [...pages].map(([problem, on]) => {
    const shown = on.slice(0, PAGES_SHOWN).join(', ');
    const more = on.length > PAGES_SHOWN ? ` and ${on.length - PAGES_SHOWN} more` : '';
    return `${problem}\n    on ${on.length === 1 ? 'page' : `${on.length} pages:`} ${shown}${more}`;
  });
}

/** Fails with every finding, grouped, in the message. */
export function expectNone(findings: Finding[], what: string): void {
  const lines = summarize(findings);
  expect(lines.length, `${lines.length} ${what}:\n\n${lines.join('\n\n')}\n`).toBe(0);
}
