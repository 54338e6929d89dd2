import { countText, dueText, overClaimText, stateText, type CycleStatus } from '../../core/model/status.ts';
import { visible } from '../../core/text/text-checks.ts';
import type { Palette } from './color.ts';

/**
 * `status` for a terminal: aligned plain-text columns, colour only from the palette (plain for
 * pipes and NO_COLOR). Names and titles pass through `visible` so no escape sequence in content
 * reaches the terminal.
 */
export function formatStatusTable(status: CycleStatus, c: Palette): string {
  const { cycle } = status;
  const { min, max } = cycle.submissions;
  const out = [
    c.bold(`${text(cycle.name)} (${text(cycle.id)})`),
    `${cycle.start} to ${cycle.end} · ${dueText(cycle.due, cycle.daysLeft)}`,
    `${min}–${max} items per person · ${cycle.items} item${cycle.items === 1 ? '' : 's'} so far`,
    '',
    c.bold('People'),
  ];
  const people = status.people.map((p) => {
    const state = stateText(p.items, min, max, p.exempt);
    const painted = p.state === 'within' ? c.green(state) : c.yellow(state);
    const drafts = p.drafts > 0 ? c.dim(`, +${p.drafts} draft${p.drafts === 1 ? '' : 's'}`) : '';
    return [text(p.name), countText(p.items, min, max), painted + drafts];
  });
  out.push(...columns([[c.dim('Name'), c.dim('Items'), c.dim('State')], ...people]));
  if (status.people.length === 0) out.push('  nobody in content/people/');

  section(
    out,
    c,
    'Goals no item moves',
    status.goalsWithoutItems.map((g) => `  ${text(g.title)} ${c.dim(`(${text(g.id)})`)}`),
  );
  section(
    out,
    c,
    'Key results no item names',
    status.keyResultsWithoutItems.map(
      (k) => `  ${text(k.goal.title)} ${c.dim(`(${text(k.goal.id)})`)} → ${text(k.keyResult.title)} ${c.dim(`(${text(k.keyResult.id)})`)}`,
    ),
  );
  const { items, private: hidden } = status.itemsWithoutEvidence;
  section(out, c, 'Items with no evidence', [
    ...columns(items.map((i) => [text(i.title), c.dim(text(i.file))])),
    ...(hidden > 0 ? [`  ${items.length > 0 ? 'and ' : ''}${hidden} private item${hidden === 1 ? '' : 's'}`] : []),
  ]);
  section(
    out,
    c,
    'Over-claimed key results',
    status.overClaimed.map(
      (o) => `  ${text(o.goal.title)} → ${text(o.keyResult.title)} ${c.dim(`(${text(o.goal.id)}/${o.keyResult.id})`)}: ${overClaimText(o)}`,
    ),
  );
  return `${out.join('\n')}\n`;
}

function section(out: string[], c: Palette, title: string, lines: readonly string[]): void {
  out.push('', c.bold(title), ...(lines.length > 0 ? lines : [c.dim('  none')]));
}

/** One line of untrusted text, safe for a terminal. */
function text(value: string): string {
  return visible(value).replace(/\s+/g, ' ').trim();
}

// eslint-disable-next-line no-control-regex -- colour codes take no room on screen
const ANSI = /\u001B\[[0-9;]*m/g;

/** Rows padded into columns (the last is not padded), indented two spaces. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map(
    (row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell) + 2))).join('')}`,
  );
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Columns a string takes in a terminal: emoji and East Asian wide characters take two, combining
 * marks and zero-width characters none. A close approximation of wcwidth, small enough to keep
 * here rather than add a dependency for one table.
 */
export function displayWidth(value: string): number {
  let width = 0;
  for (const { segment } of GRAPHEMES.segment(value.replace(ANSI, ''))) {
    const code = segment.codePointAt(0)!;
    if (/\p{Emoji_Presentation}|\p{Regional_Indicator}|\uFE0F/u.test(segment)) width += 2;
    else if (/^[\p{Mn}\p{Me}\p{Cf}]/u.test(segment)) width += 0;
    else width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
