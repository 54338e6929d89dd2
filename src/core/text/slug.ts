import { ID_MAX, ID_PATTERN } from '../../schema/index.ts';

const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '&': ' and ',
  '%': ' percent ',
};

/**
 * An id from any text: a new item's file name from its title, and the fix a hint suggests for an
 * invalid id or file name: lowercase ASCII words joined by `-`, at most 64 characters, cut at a
 * word boundary. Accents are dropped (`Café` → `cafe`), a few letters without a decomposition are
 * spelled out (`ß` → `ss`), and other scripts are dropped. Empty when nothing usable is left.
 */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı&%]/g, (c) => LETTERS[c] ?? c)
    // `Don't` → `dont`, not `don-t`.
    .replace(/['’]/g, '');
  const words = ascii.split(/[^a-z0-9]+/).filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > ID_MAX) break;
    slug = next;
  }
  // A first word longer than the limit is cut rather than lost.
  return slug === '' && words.length > 0 ? words[0]!.slice(0, ID_MAX) : slug;
}

/** Why `slug` cannot be a file name, phrased to follow it, or `undefined`. */
export function slugProblem(slug: string): string | undefined {
  if (ID_PATTERN.test(slug) && slug.length <= ID_MAX) return undefined;
  return `is not a file name, expected lowercase letters and digits in words joined by \`-\`, at most ${ID_MAX} characters, such as \`cut-ci-time\``;
}
