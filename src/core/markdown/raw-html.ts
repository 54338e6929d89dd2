import { DROPPED_ELEMENTS } from './html-allowlist.ts';
import { CLOSED_BY, FOREIGN_ELEMENTS, RAW_TEXT_ELEMENTS, SPECIAL_ELEMENTS, VOID_ELEMENTS } from './html-tree.ts';

/**
 * Raw HTML that would hide the Markdown after it. The renderer parses all the raw HTML of a body
 * as one document, so a `<template>` never closed takes everything after it into an element the
 * site drops, a comment or tag never finished takes it into the comment or the tag, and the page
 * silently ends there. The check reports each as `unclosed-html`; the renderer escapes them to text.
 */

/** A raw HTML node of the body, as the Markdown parser found it: offsets into the body. */
export interface HtmlFragment {
  offset: number;
  endOffset: number;
  /** Fragments in one paragraph, heading or table cell share this; an HTML block has its own. */
  block: number;
  /**
   * An element opened here may close in a later block: true for an HTML block or a paragraph.
   * In a heading, a table cell or a footnote, an element that swallowed their end tag would
   * leave them open around what follows.
   */
  spans: boolean;
}

/** `offset`..`end` is the start tag, or what there is of the comment or tag. */
export type UnclosedHtml = { offset: number; end: number } & (
  | /** A dropped element opened and never closed, e.g. `template`; `anywhere` if its end tag may be in a later block. */ {
      kind: 'element';
      name: string;
      anywhere: boolean;
    }
  | /** A `<!--` with no `-->`. */ { kind: 'comment' }
  | /** A tag, end tag or `<!…>` with no `>`, or with a quoted attribute value never closed. */ { kind: 'tag' }
);

export interface RawHtmlScan {
  /** In the order they appear. */
  unclosed: UnclosedHtml[];
  /** From the start tag of a dropped element to the end of its end tag: the site shows none of it. */
  hidden: { start: number; end: number; name: string }[];
}

interface OpenElement {
  name: string;
  offset: number;
  end: number;
}

/**
 * Reads the raw HTML fragments in order the way an HTML tokenizer reads them, and follows the
 * elements they open as far as needed to know which dropped element is never closed, as the
 * renderer's parser will see it. A raw text element (`<style>`) or a `template` is closed by its
 * end tag wherever it comes: HTML reads the first's content up to it and pops everything inside
 * the second. Any other dropped element must be closed in the paragraph or HTML block that opens
 * it, with nothing special (a `<div>`, a `<p>`) left open inside it: HTML ignores its end tag
 * otherwise (`<form><div></form>` leaves the form open), and the page would end there.
 *
 * What it reports is then read on as text, as the renderer shows it once escaped. Linear in the
 * body: each fragment is read once, the search for a raw text element's end tag is remembered,
 * and the elements open at once are few, as the body's depth limit has already made sure.
 */
export function scanRawHtml(body: string, fragments: readonly HtmlFragment[]): RawHtmlScan {
  const unclosed: UnclosedHtml[] = [];
  const hidden: RawHtmlScan['hidden'] = [];
  const endTags = new EndTagSearch(body, fragments);
  // The elements opened in the current block and not closed; `template`s, which may span blocks.
  const open: OpenElement[] = [];
  const templates: OpenElement[] = [];
  // Elements left open inside a `template`: closed with it, unless it never is.
  let inTemplate: OpenElement[] = [];
  const leave = (element: OpenElement) => {
    if (!DROPPED_ELEMENTS.has(element.name)) return;
    if (templates.length === 0) unclosed.push({ ...element, kind: 'element', anywhere: false });
    // Inside a template, a template left open is the one the next `</template>` closes.
    else if (element.name === 'template') templates.push(element);
    else inTemplate.push(element);
  };
  let block = -1;
  // Inside a raw text element (`<style>`), nothing counts until its end tag.
  let rawTextUntil = -1;
  for (let f = 0; f < fragments.length; f++) {
    const { offset: from, endOffset: to } = fragments[f]!;
    if (fragments[f]!.block !== block) {
      for (const element of open.splice(0)) leave(element);
      block = fragments[f]!.block;
    }
    let i = Math.max(from, rawTextUntil);
    while (i < to) {
      const lt = body.indexOf('<', i);
      if (lt === -1 || lt >= to) break;
      const token = readToken(body, lt, to);
      if (token.kind === 'text') {
        i = lt + 1;
        continue;
      }
      if (token.kind === 'unfinished') {
        unclosed.push({ offset: lt, end: to, kind: body.startsWith('<!--', lt) ? 'comment' : 'tag' });
        i = lt + 1;
        // With no `>` left in the fragment, every tag after this one is unfinished too: listed in
        // one pass, not read each to the end of the fragment (`<a<a<a…` would take its square).
        if (body.lastIndexOf('>', to - 1) < lt) {
          for (let next = body.indexOf('<', i); next !== -1 && next < to; next = body.indexOf('<', next + 1)) {
            if (/[a-zA-Z!?/]/.test(body.charAt(next + 1)))
              unclosed.push({ offset: next, end: to, kind: body.startsWith('<!--', next) ? 'comment' : 'tag' });
          }
          break;
        }
        continue;
      }
      i = token.end;
      if (token.kind === 'other') continue;
      const name = token.name;
      if (token.kind === 'end') {
        if (name === 'template' && !open.some((element) => element.name === 'template')) {
          const template = templates.pop();
          if (!template) continue;
          hidden.push({ start: template.offset, end: token.end, name });
          // HTML pops everything opened inside it.
          while (open.length > 0 && open[open.length - 1]!.offset > template.offset) open.pop();
          inTemplate = inTemplate.filter((element) => element.offset < template.offset);
          continue;
        }
        let at = open.length - 1;
        while (at >= 0 && open[at]!.name !== name) at--;
        if (at === -1) continue;
        // A special element left open inside a dropped one keeps it open.
        if (DROPPED_ELEMENTS.has(name) && open.slice(at + 1).some((inner) => SPECIAL_ELEMENTS.has(inner.name))) continue;
        if (DROPPED_ELEMENTS.has(name)) hidden.push({ start: open[at]!.offset, end: token.end, name });
        for (const inner of open.splice(at)) if (inner.name !== name) leave(inner);
        continue;
      }
      if (VOID_ELEMENTS.has(name) || (token.selfClosing && open.some((element) => FOREIGN_ELEMENTS.has(element.name)))) continue;
      if (name === 'plaintext') {
        unclosed.push({ offset: lt, end: i, kind: 'element', name, anywhere: false });
        continue;
      }
      const spans = fragments[f]!.spans;
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const end = endTags.find(name, f, i, spans ? undefined : block);
        if (end === undefined) {
          unclosed.push({ offset: lt, end: i, kind: 'element', name, anywhere: spans });
          continue;
        }
        hidden.push({ start: lt, end: end.end, name });
        if (!end.finished) unclosed.push({ offset: end.start, end: end.end, kind: 'tag' });
        rawTextUntil = end.end;
        // The end tag may be in a later fragment: skip to it.
        if (end.fragment !== f) {
          f = end.fragment - 1;
          break;
        }
        i = end.end;
        continue;
      }
      if (name === 'template' && spans) {
        templates.push({ name, offset: lt, end: i });
        continue;
      }
      // `<li>` ends the `<li>` before, `<option>` the `<option>` before.
      const closes = CLOSED_BY[name];
      while (closes && open.length > 0 && closes.includes(open[open.length - 1]!.name)) {
        const previous = open.pop()!;
        if (DROPPED_ELEMENTS.has(previous.name)) hidden.push({ start: previous.offset, end: lt, name: previous.name });
      }
      open.push({ name, offset: lt, end: i });
    }
  }
  for (const element of open) leave(element);
  for (const template of templates) unclosed.push({ ...template, kind: 'element', anywhere: true });
  for (const element of inTemplate) unclosed.push({ ...element, kind: 'element', anywhere: false });
  unclosed.sort((a, b) => a.offset - b.offset);
  return { unclosed, hidden };
}

type Token =
  | { kind: 'text' }
  | { kind: 'unfinished' }
  | { kind: 'start' | 'end'; name: string; end: number; selfClosing: boolean }
  /** A comment, a `<!doctype>`, a `<?…>` or an empty end tag: nothing to open or close. */
  | { kind: 'other'; end: number };

const TAG_NAME = /[a-zA-Z][^\t\n\f\r />]*/y;

/** The token at `lt`, read no further than `to`, the end of its fragment. */
function readToken(body: string, lt: number, to: number): Token {
  const next = body.charCodeAt(lt + 1);
  if (body.startsWith('<!--', lt)) {
    // `<!-->` and `<!--->` are whole (empty) comments in HTML.
    if (body.startsWith('<!-->', lt)) return { kind: 'other', end: lt + 5 };
    if (body.startsWith('<!--->', lt)) return { kind: 'other', end: lt + 6 };
    const close = within(body, /--!?>/g, lt + 4, to);
    return close === undefined ? { kind: 'unfinished' } : { kind: 'other', end: close };
  }
  if (next === 33 /* ! */ || next === 63 /* ? */) return bogusComment(body, lt + 2, to);
  const closing = next === 47; /* / */
  const nameAt = closing ? lt + 2 : lt + 1;
  TAG_NAME.lastIndex = nameAt;
  const name = nameAt < to ? TAG_NAME.exec(body) : null;
  if (!name || name.index + name[0].length > to) {
    if (!closing) return { kind: 'text' };
    // `</>` is nothing; `</3` and the like are comments to the next `>`.
    return body.charCodeAt(nameAt) === 62 ? { kind: 'other', end: nameAt + 1 } : bogusComment(body, nameAt, to);
  }
  const end = tagEnd(body, name.index + name[0].length, to);
  if (end === undefined) return { kind: 'unfinished' };
  return { kind: closing ? 'end' : 'start', name: name[0].toLowerCase(), end, selfClosing: body.charCodeAt(end - 2) === 47 /* / */ };
}

function bogusComment(body: string, from: number, to: number): Token {
  const close = body.indexOf('>', from);
  return close === -1 || close >= to ? { kind: 'unfinished' } : { kind: 'other', end: close + 1 };
}

/**
 * Where a tag ends (after its `>`), reading its attributes as HTML's tokenizer does: a `>` inside
 * a quoted value does not end it, and a quote opens a value only where a value may start.
 */
function tagEnd(body: string, i: number, to: number): number | undefined {
  let state: 'between' | 'name' | 'afterName' | 'value' | 'unquoted' = 'between';
  for (; i < to; i++) {
    const c = body.charCodeAt(i);
    if (c === 62 /* > */) return i + 1;
    const space = isSpace(c);
    switch (state) {
      case 'between':
        if (!space && c !== 47 /* / */) state = 'name';
        break;
      case 'name':
      case 'afterName':
        if (c === 61 /* = */) state = 'value';
        else if (c === 47 /* / */) state = 'between';
        else if (space) state = 'afterName';
        else state = 'name';
        break;
      case 'value':
        if (c === 34 /* " */ || c === 39 /* ' */) {
          const close = body.indexOf(c === 34 ? '"' : "'", i + 1);
          if (close === -1 || close >= to) return undefined;
          i = close;
          state = 'between';
        } else if (!space) state = 'unquoted';
        break;
      case 'unquoted':
        if (space) state = 'between';
        break;
    }
  }
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** The end of the first match of `pattern` (a global regex) in `from`..`to`. */
function within(body: string, pattern: RegExp, from: number, to: number): number | undefined {
  pattern.lastIndex = from;
  const match = pattern.exec(body);
  return match && match.index + match[0].length <= to ? match.index + match[0].length : undefined;
}

/** Where a raw text element's end tag is: its fragment, where it starts and ends, and whether it has its `>`. */
interface EndTag {
  fragment: number;
  start: number;
  end: number;
  finished: boolean;
}

/**
 * Finds the end tag of a raw text element in this or a later fragment. A search from further on
 * reuses an earlier search's answer for the same name, so a body of many unclosed `<style>` tags
 * costs one pass per name, not one per tag.
 */
class EndTagSearch {
  private readonly body: string;
  private readonly fragments: readonly HtmlFragment[];
  private readonly found = new Map<string, { from: number; at: EndTag | undefined }>();

  constructor(body: string, fragments: readonly HtmlFragment[]) {
    this.body = body;
    this.fragments = fragments;
  }

  /** The first end tag from `from` on, in `block` only if given. */
  find(name: string, fragment: number, from: number, block?: number): EndTag | undefined {
    const key = `${name} ${block ?? ''}`;
    const known = this.found.get(key);
    if (known && known.from <= from && (known.at === undefined || known.at.start >= from)) return known.at;
    const pattern = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, 'i');
    let at: EndTag | undefined;
    for (let f = fragment; f < this.fragments.length && at === undefined; f++) {
      const { offset, endOffset } = this.fragments[f]!;
      if (block !== undefined && this.fragments[f]!.block !== block) break;
      const start = Math.max(offset, from);
      if (start >= endOffset) continue;
      // Only this fragment's text, so that `$` is its end, where the tokenizer's input pauses.
      const match = pattern.exec(this.body.slice(start, endOffset));
      if (!match) continue;
      const end = tagEnd(this.body, start + match.index + match[0].length, endOffset);
      at = { fragment: f, start: start + match.index, end: end ?? endOffset, finished: end !== undefined };
    }
    this.found.set(key, { from, at });
    return at;
  }
}
