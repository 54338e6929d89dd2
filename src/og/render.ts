import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, type CardSpec } from '../core/card-spec.ts';
import { cardTree } from './template.ts';

const require = createRequire(import.meta.url);

// One card at a time per worker, and no libvips cache: the pool already uses every core, and a
// cache of decoded SVGs only grows with the number of cards.
sharp.cache(false);
sharp.concurrency(1);

/** Inter from the installed package: satori reads .woff (not .woff2); nothing is fetched. */
export function loadFonts(): Font[] {
  // The same subsets text.ts lets through: Latin, Cyrillic and Greek, each with its extensions.
  return (['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext'] as const).flatMap((subset) =>
    ([400, 700] as const).map((weight) => ({
      // One family per subset: satori falls back from family to family, never within one.
      name: subset === 'latin' ? 'Inter' : `Inter ${subset}`,
      weight,
      style: 'normal' as const,
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
    })),
  );
}

export interface RenderOptions {
  fonts: Font[];
  /** Text as `<text>` rather than outlines: for tests that read what the card says. */
  embedFont?: boolean;
}

/** The card as SVG. Glyphs the fonts lack are already left out of its text (text.ts); nothing more is ever loaded. */
export function cardSvg(spec: CardSpec, { fonts, embedFont = true }: RenderOptions): Promise<string> {
  return satori(cardTree(spec), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    embedFont,
    loadAdditionalAsset: () => Promise.resolve([]),
  });
}

/** The card as a PNG, rasterised by sharp (never resvg-js: it keeps megabytes per card). */
export async function renderCard(spec: CardSpec, options: RenderOptions): Promise<Buffer> {
  const svg = await cardSvg(spec, options);
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}
