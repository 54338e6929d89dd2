import type { BodyLimitProblem } from './body-limits.ts';
import { CLOSED_BY, FORMATTING_ELEMENTS, MARKERS, SCOPE, SCOPE_OF, TABLE_CONTEXT, VOID_ELEMENTS } from './html-tree.ts';

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)/y;

/**
 * The first raw HTML start tag nested past the limit. It reads every `<name` and `</name` in the
 * body, in code or not, and never searches for where a tag ends, so it stays linear on any input.
 * It follows what decides depth in HTML's tree builder, erring on the deep side: the stack of open
 * elements (an end tag closes what it is in scope of; `<li>` and `<p>` close the one before; table
 * cells get their row and body), and the formatting elements (`<b>`, `<i>`…), which HTML opens
 * again inside every later element until their own end tag, however the elements around them
 * were closed: one counts from its start tag to its end tag. HTML ignores `/>` on its own
 * elements, so a self-closed `<div/>` opens one here too. tests/core/body-limits.test.ts holds it
 * to the parser's trees.
 */
export function htmlDepth(body: string, limit: number): BodyLimitProblem | undefined {
  const open: string[] = [];
  // The formatting elements not yet ended, with the depth of the stack they were opened at, and
  // null for a marker.
  const formatting: ({ name: string; at: number } | null)[] = [];
  let active = 0;
  const popTo = (length: number) => {
    while (open.length > length) {
      if (!MARKERS.has(open.pop()!)) continue;
      while (formatting.length > 0 && formatting[formatting.length - 1] !== null) {
        formatting.pop();
        active--;
      }
      formatting.pop();
    }
  };
  /** Ends the last formatting element of that name since the last marker, unless a table opened since hides it. */
  const endFormatting = (name: string) => {
    for (let at = formatting.length - 1; at >= 0; at--) {
      const entry = formatting[at];
      if (entry === null || entry === undefined) return;
      if (entry.name !== name) continue;
      for (let inner = entry.at; inner < open.length; inner++) if (inScope(SCOPE, open[inner]!)) return;
      formatting.splice(at, 1);
      active--;
      return;
    }
  };
  for (let i = body.indexOf('<'); i !== -1; i = body.indexOf('<', i + 1)) {
    TAG.lastIndex = i;
    const match = TAG.exec(body);
    if (!match) continue;
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      if (FORMATTING_ELEMENTS.has(name)) {
        endFormatting(name);
        continue;
      }
      const scope = SCOPE_OF[name] ?? SCOPE;
      let at = open.length - 1;
      while (at >= 0 && open[at] !== name && !inScope(scope, open[at]!)) at--;
      if (at >= 0 && open[at] === name) popTo(at);
      continue;
    }
    if (VOID_ELEMENTS.has(name)) continue;
    if (FORMATTING_ELEMENTS.has(name)) {
      // A new `<a>` ends the one before only where no table stands between them: not counted.
      formatting.push({ name, at: open.length });
      active++;
    } else {
      const context = TABLE_CONTEXT[name];
      const table = context ? open.lastIndexOf('table') : -1;
      if (context && table !== -1) {
        // Back to where the part may go, adding the body and row HTML puts around a bare cell.
        let at = open.length - 1;
        while (at > table && !context.has(open[at]!)) at--;
        popTo(at + 1);
        if ((name === 'tr' || name === 'td' || name === 'th') && open[at] === 'table') open.push('tbody');
        if ((name === 'td' || name === 'th') && open[open.length - 1] !== 'tr') open.push('tr');
      }
      const closes = CLOSED_BY[name];
      while (closes && open.length > 0 && closes.includes(open[open.length - 1]!)) popTo(open.length - 1);
      // Outside a table, HTML ignores a table part, or keeps it as it is where the body starts
      // with one: counted, as a boundary end tags stop at, but not as a marker.
      open.push(context && table === -1 ? `#${name}` : name);
      if (MARKERS.has(name) && !(context && table === -1)) formatting.push(null);
    }
    if (open.length + active > limit) return { kind: 'depth', nesting: 'html', offset: i };
  }
  return undefined;
}

function inScope(scope: ReadonlySet<string>, element: string): boolean {
  return scope.has(element) || element.startsWith('#');
}
