import { CARD_HEIGHT, CARD_WIDTH, type CardSpec } from '../core/card-spec.ts';
import { drawable } from './text.ts';

/** Inter, then its other subsets (render.ts names a family per subset). */
const FONT_FAMILY = ['Inter', 'Inter latin-ext', 'Inter cyrillic', 'Inter cyrillic-ext', 'Inter greek', 'Inter greek-ext']
  .map((f) => `'${f}'`)
  .join(', ');

/** Bump when the picture changes: every cached card is then drawn again. */
export const TEMPLATE_VERSION = 2;

/** The light scheme of src/styles/global.css: cards are pictures, they have no dark mode. */
const COLOURS = {
  bg: '#fdfcfa',
  fg: '#1f2328',
  muted: '#5a6069',
  border: '#d8d4cc',
  accent: '#1d5fb8',
} as const;

const TONES: Record<NonNullable<CardSpec['badge']>['tone'], { fg: string; bg: string }> = {
  delivered: { fg: '#1f6b45', bg: '#e2f1e8' },
  partial: { fg: '#7a5200', bg: '#f6ecd5' },
  missed: { fg: '#3f4f66', bg: '#e5e9ef' },
  learning: { fg: '#6b3fa0', bg: '#efe7f8' },
  'on-track': { fg: '#1f6b45', bg: '#e2f1e8' },
  'at-risk': { fg: '#7a5200', bg: '#f6ecd5' },
  'off-track': { fg: '#a8262b', bg: '#fbe7e6' },
  done: { fg: '#1d5fb8', bg: '#e3ecf8' },
  dropped: { fg: '#5a6069', bg: '#eeece7' },
};

/** The element tree satori lays out, as React elements are: `{ type, props }`. */
export interface Node {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | Node | (Node | false)[] };
}

const div = (style: Node['props']['style'], children?: Node['props']['children']): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, ...(children !== undefined && { children }) },
});

/**
 * One line of text that ends in `…` when it does not fit; satori clamps only text without inline
 * elements. Never `overflow: hidden` on a card: satori turns it into an SVG mask on every glyph,
 * and libvips then draws each card ten times slower (about 350 ms instead of 35 ms here);
 * `lineClamp` and fixed boxes already keep all text inside.
 */
const oneLine = (text: string, style: Node['props']['style']): Node =>
  div({ ...style, display: 'block', lineClamp: 1, textOverflow: 'ellipsis', whiteSpace: 'nowrap' }, text);

/**
 * A card: the kind of page and its badge on top, the title (three lines at most, then `…`), up to
 * three lines of detail, and the site's title at the foot. Fixed boxes everywhere, so no text can
 * push anything off the picture.
 */
export function cardTree(spec: CardSpec): Node {
  const tone = spec.badge && TONES[spec.badge.tone];
  const title = drawable(spec.title);
  const stripe = 16;
  const padX = 72;
  const inner = CARD_WIDTH - stripe - 2 * padX;
  return div({ width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: COLOURS.bg, color: COLOURS.fg, fontFamily: FONT_FAMILY }, [
    div({ width: stripe, height: CARD_HEIGHT, backgroundColor: COLOURS.accent }),
    div({ width: inner, height: CARD_HEIGHT, marginLeft: padX, flexDirection: 'column' }, [
      div({ height: 52, flexShrink: 0 }),
      div({ width: inner, height: 48, flexShrink: 0, alignItems: 'center', justifyContent: 'space-between' }, [
        oneLine(drawable(spec.kicker), { maxWidth: inner - 360, fontSize: 30, color: COLOURS.muted }),
        spec.badge !== undefined &&
          tone !== undefined &&
          div(
            { fontSize: 26, fontWeight: 700, color: tone.fg, backgroundColor: tone.bg, borderRadius: 8, padding: '6px 18px' },
            drawable(spec.badge.label),
          ),
      ]),
      div(
        {
          display: 'block',
          width: inner,
          marginTop: 24,
          flexShrink: 0,
          maxHeight: 3 * 76,
          fontSize: 64,
          lineHeight: 1.18,
          fontWeight: 700,
          lineClamp: 3,
          textOverflow: 'ellipsis',
        },
        title,
      ),
      div(
        { width: inner, height: 140, flexShrink: 0, flexDirection: 'column', marginTop: 20 },
        spec.lines
          .slice(0, 3)
          .map((line) => oneLine(drawable(line), { width: inner, fontSize: 32, lineHeight: 1.4, color: COLOURS.muted })),
      ),
      div({ flexGrow: 1 }),
      div({ width: inner, height: 60, flexShrink: 0, paddingTop: 12, borderTop: `2px solid ${COLOURS.border}` }, [
        oneLine(drawable(spec.site), { width: inner, fontSize: 30, fontWeight: 700, color: COLOURS.accent }),
      ]),
      div({ height: 40, flexShrink: 0 }),
    ]),
  ]);
}
