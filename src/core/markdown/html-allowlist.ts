/**
 * The HTML elements a body may use and the site shows: simple formatting, with every attribute
 * removed but a few the Markdown engine itself needs. One list for the renderer that enforces it
 * and the check that tells authors what will be lost.
 */
export const KEPT_ELEMENTS: ReadonlySet<string> = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 em strong b i code pre kbd sub sup del ins s blockquote ul ol li dl dt dd table thead tbody tr th td details summary a abbr mark q'.split(
    ' ',
  ),
);

/**
 * Elements the site removes together with everything inside them: their text is code, markup or
 * form UI, never prose. Any other element outside `KEPT_ELEMENTS` is unwrapped and its content
 * kept. The renderer drops these; the check warns of them and of any left open.
 */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set(
  'script style template iframe frame frameset object embed applet noscript noembed noframes textarea select option optgroup datalist button form svg math title xmp plaintext head meta link base audio video canvas picture source track map area param portal fencedframe'.split(
    ' ',
  ),
);

/**
 * What the site removes from a piece of raw HTML written in a body: an element it does not show,
 * or attributes (the renderer keeps no attribute written in raw HTML but a link's `href` and
 * `title`, a table cell's span and alignment). Undefined when it shows the HTML as written.
 */
export function rawHtmlLoss(html: string): { element: string } | { attributes: string } | undefined {
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const [, closing, name = '', rest = ''] = match;
    const tag = name.toLowerCase();
    if (!KEPT_ELEMENTS.has(tag)) return { element: tag };
    const attributes = rest.replace(/\/\s*$/, '').trim();
    if (closing === '' && attributes !== '' && !harmless(tag, attributes)) return { attributes: tag };
  }
  return undefined;
}

const KEPT_ATTRIBUTES: Record<string, RegExp> = {
  a: /^(href|title)$/i,
  abbr: /^title$/i,
  q: /^title$/i,
  th: /^(align|colspan|rowspan)$/i,
  td: /^(align|colspan|rowspan)$/i,
  ol: /^start$/i,
};

function harmless(tag: string, attributes: string): boolean {
  const allowed = KEPT_ATTRIBUTES[tag];
  if (!allowed) return false;
  return [...attributes.matchAll(/([^\s=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].every(([, name = '', value = '']) => {
    if (!allowed.test(name)) return false;
    // A link the site would not follow loses its address.
    return name.toLowerCase() !== 'href' || /^["']?\s*(https?:|mailto:|#)/i.test(value);
  });
}
