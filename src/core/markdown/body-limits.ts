import { htmlDepth } from './html-depth.ts';
import { markdownDepth } from './markdown-depth.ts';

/**
 * What a Markdown body may be, for the check that reports it and the renderer that refuses to
 * parse anything else: the Markdown engine has paths that grow with the square of the input, so
 * one pull request could otherwise stall the site's build for minutes.
 */

/**
 * At most this many characters (UTF-16 code units). Real write-ups are 1–3,000; the engine's
 * worst known inputs (a paragraph of character references, a word of `_`) take a few hundred ms
 * here and seconds at five times the size; bench/markdown.ts measures them.
 */
export const MAX_BODY_LENGTH = 20_000;

/**
 * Block quotes and list items may nest this deep, and raw HTML elements as deep again. Real bodies
 * nest a handful of levels; the engine's time grows with the depth on every line.
 */
export const MAX_BODY_DEPTH = 32;

export type BodyLimitProblem =
  | { kind: 'length'; length: number; offset: number }
  /** `offset` is the marker or tag that goes one level past the limit. */
  | { kind: 'depth'; nesting: 'markdown' | 'html'; offset: number };

/** The limits; `depth` other than MAX_BODY_DEPTH only to test the scan against the parser on small bodies. */
const LIMITS = { length: MAX_BODY_LENGTH, depth: MAX_BODY_DEPTH };

/**
 * Every limit the body breaks, each at the first place it breaks it. Linear passes that look at
 * the start of each line and at each `<`, cheap enough to run on every body before any parse.
 */
export function bodyLimitProblems(body: string, limits = LIMITS): BodyLimitProblem[] {
  const problems: BodyLimitProblem[] = [];
  if (body.length > limits.length) problems.push({ kind: 'length', length: body.length, offset: limits.length });
  const markdown = markdownDepth(body, limits.depth);
  const html = htmlDepth(body, limits.depth);
  const depth = markdown && html ? (markdown.offset <= html.offset ? markdown : html) : (markdown ?? html);
  if (depth) problems.push(depth);
  return problems;
}
