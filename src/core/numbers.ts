// Numbers as the check's messages, the pull-request report and the site all write them.
const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A number as people write it: `1,250`, `0.5`, `1.75`. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/**
 * A change with its sign, using a real minus sign: `+3`, `−11`, `±0`. The sign follows the number
 * shown, so a change too small to show reads `±0`, never `+0`. The one sign format for the site,
 * the check's messages and the pull-request report.
 */
export function signed(value: number): string {
  const shown = formatNumber(Math.abs(value));
  if (shown === '0') return '±0';
  return value > 0 ? `+${shown}` : `−${shown}`;
}
