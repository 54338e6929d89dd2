/**
 * Average advance of a character in a sans-serif UI font, in ems. The layout runs at build time
 * with no font metrics, so label budgets use this estimate; the full text is always in the tooltip.
 */
export const CHAR_EM = 0.55;

// CJK, full-width forms and emoji are roughly twice as wide as a Latin letter.
const WIDE_FROM = 0x2e80;
const charUnits = (char: string): number => (char.codePointAt(0)! >= WIDE_FROM ? 2 : 1);

/** `text` on one line, cut with an ellipsis where it would overflow `width` pixels at `fontSize`. */
export function fitLabel(text: string, width: number, fontSize: number): string {
  const budget = Math.floor(width / (CHAR_EM * fontSize));
  // Code points, not UTF-16 units, so a cut never splits an emoji or a CJK surrogate pair.
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  let total = 0;
  for (const char of chars) total += charUnits(char);
  if (total <= budget) return chars.join('');
  let used = 1; // the ellipsis
  let cut = 0;
  while (cut < chars.length && used + charUnits(chars[cut]!) <= budget) used += charUnits(chars[cut++]!);
  return `${chars.slice(0, cut).join('').trimEnd()}…`;
}

/**
 * A horizontal S-curve from the right side of one node to the left side of another: both control
 * points sit halfway across, so the curve leaves and arrives level, whatever the vertical drop.
 */
export function curve(x1: number, y1: number, x2: number, y2: number): string {
  const mid = Math.round((x2 - x1) / 2);
  return `M${x1} ${y1}C${x1 + mid} ${y1} ${x2 - mid} ${y2} ${x2} ${y2}`;
}

/** A file-tree connector: down from under the parent, then across to the child's left side. */
export function elbow(x: number, top: number, bottom: number, to: number): string {
  return `M${x} ${top}V${bottom}H${to}`;
}
