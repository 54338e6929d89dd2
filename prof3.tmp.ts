import { cardSvg, loadFonts } from '/work/main/src/og/render.ts';
import sharp from 'sharp';
const fonts = loadFonts();
const spec = { file: 'a.png', kicker: 'Accomplishment · H2', title: 'Accomplishment number 5: cut the median time of something important by 5 percent and then some more words to overflow the three lines of the title box for sure yes', badge: { label: 'Delivered', tone: 'delivered' as const }, lines: ['By A and B', 'Moves: Goal'], site: 'Bench' };
const svg = await cardSvg(spec, { fonts });
console.log((svg.match(/<mask/g) ?? []).length, 'masks');
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  console.log(`png ${(performance.now() - t).toFixed(0)} ms`);
  if (i === 0) (await import('node:fs')).writeFileSync('/tmp/nomask.png', png);
}
