/**
 * What Inter's latin and latin-ext files draw (their unicode-range in @fontsource/inter's CSS).
 * Anything else — CJK, emoji — would come out as empty boxes, and fetching a font or an emoji
 * picture at build time is not allowed, so it is left out of the picture instead.
 */
const DRAWABLE =
  /[\u0020-\u007e\u00a0-\u02ff\u0304\u0308\u0329\u1d00-\u1dbf\u1e00-\u1eff\u2000-\u206f\u20a0-\u20c0\u2113\u2122\u2191\u2193\u2212\u2215\u2c60-\u2c7f\ua720-\ua7ff]/u;

/** Longest text handed to the layout: far more than any card shows, so clamping stays cheap. */
const MAX_CHARS = 400;

/** `text` with what the card's font cannot draw left out, spaces collapsed, and cut at `MAX_CHARS` with an ellipsis. */
export function drawable(text: string): string {
  let out = '';
  for (const char of text) out += DRAWABLE.test(char) ? char : ' ';
  return clip(out.replace(/\s+/g, ' ').trim(), MAX_CHARS);
}

/** At most `max` characters (code points), the last one `…` when the text was longer. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
