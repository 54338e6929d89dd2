/**
 * Cheap, conservative proofs about a Markdown body that let the body rules skip a full parse.
 * Each returns `true` only when no parse could disagree; anything unusual returns `false` and
 * the caller parses the body for real. tests/core/body-scan.test.ts checks both against the parser.
 */

const SAFE_DESTINATION = /^[ \t]*\n?[ \t]*(https?:\/\/|mailto:)/i;
const SAFE_AUTOLINK = /^(https?:\/\/|mailto:)/i;

/**
 * Every `<` opens an http(s) or mailto autolink. Such a `<` can never start HTML (a tag name is
 * never followed by `:`), so the body then has no raw HTML and no other autolinks.
 */
function bracketsAreAutolinks(body: string): boolean {
  for (let i = body.indexOf('<'); i !== -1; i = body.indexOf('<', i + 1)) {
    if (!SAFE_AUTOLINK.test(body.slice(i + 1, i + 9))) return false;
  }
  return true;
}

/** The body may contain raw HTML: some `<` in it does not open an http(s) or mailto autolink. */
export function hasRawHtml(body: string): boolean {
  return !bracketsAreAutolinks(body);
}

/**
 * No link, image or definition in the body points anywhere but http(s) or mailto, and there is
 * no raw HTML. Every such construct needs `](`, `]:` or `<`; GFM's bare-URL autolinks only ever
 * make http(s) and mailto links. Links inside code count too: a false alarm only costs a parse.
 */
export function linksAreSafe(body: string): boolean {
  if (!bracketsAreAutolinks(body)) return false;
  for (const marker of ['](', ']:']) {
    for (let i = body.indexOf(marker); i !== -1; i = body.indexOf(marker, i + 2)) {
      if (!SAFE_DESTINATION.test(body.slice(i + 2, i + 24))) return false;
    }
  }
  return true;
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const PLAIN_SECTION = /^[\p{L}\p{N} ',’-]+$/u;

/**
 * Every required heading is present as an ATX heading (`## Impact`). Only claimed when nothing
 * in the body could turn such a line into something else: a fence, HTML, or a multi-line
 * definition title; and when the section names have no Markdown in them.
 */
export function sectionsPresent(body: string, required: readonly string[]): boolean {
  if (!required.every((section) => PLAIN_SECTION.test(section))) return false;
  if (body.includes('```') || body.includes('~~~') || body.includes(']:') || !bracketsAreAutolinks(body)) return false;
  const wanted = new Set(required.map(normalizeHeading));
  let start = 0;
  while (start < body.length && wanted.size > 0) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    if (body.charCodeAt(start) === 35 /* # */ || body.startsWith(' ', start)) {
      const match = ATX.exec(body.slice(start, end).replace(/\r$/, ''));
      if (match) wanted.delete(normalizeHeading(match[2]!));
    }
    start = end + 1;
  }
  return wanted.size === 0;
}

/** How headings are compared with required sections: case, spacing and a trailing `:` or `.` aside. */
export function normalizeHeading(heading: string): string {
  return heading.trim().replace(/\s+/g, ' ').replace(/[:.]$/, '').toLowerCase();
}
