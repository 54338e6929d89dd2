/**
 * What Inter's latin, latin-ext, cyrillic, cyrillic-ext, greek and greek-ext files draw (their
 * unicode-range in @fontsource/inter's CSS; render.ts loads the same subsets). Anything else —
 * CJK, Arabic, emoji — would come out as empty boxes, and fetching a font or an emoji picture at
 * build time is not allowed, so it is left out of the picture instead.
 */
const DRAWABLE: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x2ff],
  [0x301, 0x301],
  [0x370, 0x377],
  [0x37a, 0x37f],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ff],
  [0x400, 0x52f],
  [0x1c80, 0x1c8a],
  [0x1f00, 0x1fff],
  [0x2116, 0x2116],
  [0x2de0, 0x2dff],
  [0xa640, 0xa69f],
  [0x304, 0x304],
  [0x308, 0x308],
  [0x329, 0x329],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20c0],
  [0x2113, 0x2113],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];

const canDraw = (char: string) => {
  const code = char.codePointAt(0)!;
  return DRAWABLE.some(([from, to]) => code >= from && code <= to);
};

/** Longest text handed to the layout: far more than any card shows, so clamping stays cheap. */
const MAX_CHARS = 400;

/** `text` with what the card's font cannot draw left out, spaces collapsed, and cut at `MAX_CHARS` with an ellipsis. */
export function drawable(text: string): string {
  let out = '';
  for (const char of text) out += canDraw(char) ? char : ' ';
  return clip(out.replace(/\s+/g, ' ').trim(), MAX_CHARS);
}

/** At most `max` characters (code points), the last one `…` when the text was longer. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
