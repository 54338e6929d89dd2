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

/**
 * `text` word-wrapped into at most `maxLines` lines of `width` pixels at `fontSize`, with the same
 * width estimate as `fitLabel`. A word longer than a line is broken inside; only text that still
 * does not fit after the last line is cut, with an ellipsis.
 */
export function wrapLabel(text: string, width: number, fontSize: number, maxLines = 3): string[] {
  const budget = Math.max(1, Math.floor(width / (CHAR_EM * fontSize)));
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  const units = (chars: readonly string[]): number => chars.reduce((sum, char) => sum + charUnits(char), 0);
  const flush = (): void => {
    lines.push(line.join(''));
    line = [];
    used = 0;
  };
  for (const word of words) {
    const chars = Array.from(word);
    const size = units(chars);
    if (line.length > 0 && used + 1 + size <= budget) {
      line.push(' ', ...chars);
      used += 1 + size;
      continue;
    }
    if (line.length > 0) flush();
    // A word wider than a whole line: break it where the line ends.
    let rest = chars;
    while (units(rest) > budget) {
      let cut = 0;
      let taken = 0;
      while (cut < rest.length && taken + charUnits(rest[cut]!) <= budget) taken += charUnits(rest[cut++]!);
      line = rest.slice(0, Math.max(cut, 1));
      rest = rest.slice(Math.max(cut, 1));
      flush();
    }
    line = [...rest];
    used = units(rest);
  }
  if (line.length > 0 || lines.length === 0) flush();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  // The last kept line ends with an ellipsis: fitLabel cuts it, with room for the ellipsis even when it fit.
  kept[maxLines - 1] = fitLabel(`${kept[maxLines - 1]!} ${lines[maxLines]!}`, width, fontSize);
  if (!kept[maxLines - 1]!.endsWith('…')) kept[maxLines - 1] = `${kept[maxLines - 1]!}…`;
  return kept;
}
