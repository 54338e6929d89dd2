/** The one number format, for any locale: at most two decimals, grouped as the locale groups. */
export function numberFormat(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
}

// Numbers as the check's messages and the pull-request report write them: in English. The site
// writes them in its own locale (src/lib/format.ts).
const NUMBER = numberFormat('en');

/** A number as people write it: `1,250`, `0.5`, `1.75`. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/**
 * The sign format over a number format, using a real minus sign: `+3`, `−11`, `±0`. The sign
 * follows the number shown, so a change too small to show reads `±0`, never `+0`. The one sign
 * format for the site (in its locale), the check's messages and the pull-request report.
 */
export function signedWith(format: (value: number) => string): (value: number) => string {
  const zero = format(0);
  return (value) => {
    const shown = format(Math.abs(value));
    if (shown === zero) return '±0';
    return value > 0 ? `+${shown}` : `−${shown}`;
  };
}

/** A change with its sign, in English: `+3`, `−11`, `±0`. */
export const signed: (value: number) => string = signedWith(formatNumber);
