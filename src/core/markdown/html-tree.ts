/**
 * What HTML's tree builder does with elements, as far as the body scans need it: which have no
 * content, which read their content as text, which close others or stop end tags. The names and
 * lists are the HTML standard's ("special", "formatting", "has an element in scope").
 */

/** Elements that never have content: HTML ends them at once, with or without `/>`. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr'.split(' '),
);

/**
 * Elements whose content HTML reads as plain text up to their end tag (`</style>`), whatever tags
 * it seems to hold; `plaintext` has no end tag and takes everything after it. Not `noscript`: the
 * renderer parses HTML as a browser without scripting does, which reads its content as markup.
 */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(
  'script style textarea title xmp iframe noembed noframes plaintext'.split(' '),
);

/**
 * Elements HTML's tree builder treats as "special": while one is open inside an ordinary element
 * such as `<video>`, that element's end tag is ignored, and it stays open.
 */
export const SPECIAL_ELEMENTS: ReadonlySet<string> = new Set(
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc'.split(
    ' ',
  ),
);

/** Inside these, `/>` ends an element as in XML; elsewhere HTML ignores it. */
export const FOREIGN_ELEMENTS: ReadonlySet<string> = new Set(['svg', 'math']);

/**
 * Formatting elements (`<b>`, `<i>`…): HTML opens them again inside every later element until
 * their own end tag, however the elements around them were closed.
 */
export const FORMATTING_ELEMENTS: ReadonlySet<string> = new Set('a b big code em font i nobr s small strike strong tt u'.split(' '));

/** Start tags that close an open element of these names first: `<li>` ends the `<li>` before. */
export const CLOSED_BY: Readonly<Record<string, readonly string[]>> = {
  p: ['p'],
  li: ['li', 'p'],
  dt: ['dt', 'dd', 'p'],
  dd: ['dt', 'dd', 'p'],
  option: ['option'],
  optgroup: ['option', 'optgroup'],
};

/** Elements an end tag does not close past ("has an element in scope"); `SCOPE_OF` for the end tags with their own. */
export const SCOPE: ReadonlySet<string> = new Set('applet caption html table td th marquee object template svg math'.split(' '));
export const SCOPE_OF: Readonly<Record<string, ReadonlySet<string>>> = {
  li: new Set([...SCOPE, 'ol', 'ul']),
  p: new Set([...SCOPE, 'button']),
};

/** Elements that start a fresh list of formatting elements, which their end restores. */
export const MARKERS: ReadonlySet<string> = new Set('applet caption marquee object template td th'.split(' '));

/** Table parts, which HTML ignores outside a table, and what each may go into inside one. */
export const TABLE_CONTEXT: Readonly<Record<string, ReadonlySet<string>>> = {
  tbody: new Set(['table']),
  thead: new Set(['table']),
  tfoot: new Set(['table']),
  caption: new Set(['table']),
  tr: new Set(['table', 'tbody', 'thead', 'tfoot']),
  td: new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']),
  th: new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']),
};
