import type { Accomplishment } from '../schema/index.ts';
import { allows, leftOut, type Audience, type LeftOut } from './model/audience.ts';
import { goalTree, type GoalTree } from './model/goal-tree.ts';
import { signed } from './text/numbers.ts';
import { listText } from './text/suggest.ts';
import { valid, type Content, type ContentEntry } from './read/content.ts';
import { countBySeverity, type Diagnostic } from './diagnostics/diagnostics.ts';
import { compareText } from './text/compare-text.ts';
import { countText, stateText } from './model/status.ts';
import { exemption, itemsPerPerson } from './model/submission-counts.ts';
import { escapeHtml, visible } from './text/text-checks.ts';

/**
 * The first line of every report: the pull-request comment poster finds its own earlier comment
 * by it and edits that instead of adding another. Invisible once rendered.
 */
export const REPORT_MARKER = '<!-- throughline:report -->';

/** GitHub refuses comments longer than this; the report stays well under it. */
export const MAX_COMMENT_CHARS = 65_536;

// Budgets per section, in characters, so that the whole report fits one comment however many
// items and problems a pull request has.
const ITEMS = { count: 50, chars: 30_000 };
const COUNTS = { count: 100, chars: 8_000 };
const PROBLEMS = { count: 50, chars: 20_000 };

/** An accomplishment file the pull request adds, changes or removes. */
export interface ItemChange {
  /** Path relative to the repository root, as in diagnostics. */
  file: string;
  kind: 'added' | 'changed' | 'removed';
  /** The item at the base revision, when it existed there and passed the schema. */
  before?: Accomplishment | undefined;
}

export interface ReportInput {
  /** The content after the pull request. */
  content: Content;
  /** The check's problems in the changed files, as `check --changed-since` selects them. */
  diagnostics: readonly Diagnostic[];
  /** The check's one-line summary of those problems. */
  summary: string;
  /** Accomplishment files the pull request touches, in the order to list them. */
  changes: readonly ItemChange[];
  /** The GitHub handle of whoever opened the pull request, without `@`. */
  prAuthor?: string | undefined;
}

/**
 * Markdown for a pull request: what it adds, how the team and public builds will show it, where
 * its authors' counts end up, and the problems in its files. Everything authors wrote is escaped
 * (see `mdText`); private items show only their path.
 */
export function renderReport(input: ReportInput): string {
  // Every goal, so that a path climbs to the top; each build's own hiding is `hiddenParts`'s.
  const tree = goalTree(valid(input.content, 'goals'), (id) => input.content.entries.goals.get(id)?.data?.parent);
  const { errors, warnings } = countBySeverity(input.diagnostics);
  const icon = errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
  const lines = [REPORT_MARKER, '## Throughline report', '', `${icon} ${mdText(input.summary)}`, ''];
  lines.push('### Accomplishments in this pull request', '');
  if (input.changes.length === 0) lines.push('None added, changed or removed.');
  else
    lines.push(
      ...fit(
        input.changes.map((change) => itemBlock(input, tree, change)),
        ITEMS,
        ['item', 'items'],
      ),
    );
  lines.push('');
  const counts = countLines(input);
  if (counts.length > 0) lines.push('### Counts after this pull request', '', ...fit(counts, COUNTS, ['person', 'people']), '');
  if (input.diagnostics.length > 0)
    lines.push(
      '### Problems in changed files',
      '',
      ...problemsTable(input.diagnostics, { maxRows: PROBLEMS.count, maxChars: PROBLEMS.chars, strict: true }),
      '',
    );
  return `${lines.join('\n')}\n`;
}

function itemBlock(input: ReportInput, tree: GoalTree, change: ItemChange): string {
  const where = mdCode(change.file);
  if (change.kind === 'removed') {
    const before = change.before;
    if (before === undefined) return `- Removed: ${where}`;
    return `- Removed: ${before.visibility === 'private' ? 'a private item' : `**${mdText(before.title)}**`} · ${where}`;
  }
  const entry = entryAt(input.content, change.file);
  const item = entry?.data;
  if (item === undefined) return `- ${where} — ${change.kind}; has errors, see below`;
  const marks = [change.kind, ...(item.draft ? ['draft (does not count yet)'] : [])].join(', ');
  const notes = authorNote(input, item);
  const builds = BUILDS.flatMap(([audience, name]) => buildLines(input.content, tree, audience, name, item));
  if (item.visibility === 'private') return [`- A private item — ${marks} · ${where}`, ...builds, ...notes].join('\n');
  return [
    `- **${mdText(item.title)}** — ${marks} · ${where}`,
    `  - Authors: ${item.authors.map((id) => personName(input.content, id)).join(', ')}`,
    `  - Goals: ${goalsText(input.content, item)}`,
    `  - Outcome: ${item.outcome} · Visibility: ${item.visibility}`,
    ...builds,
    ...notes,
  ].join('\n');
}

/** The builds a pull request publishes to; a private build is each person's own, on their machine. */
const BUILDS = [
  ['team', 'Team build'],
  ['public', 'Public build'],
] as const satisfies readonly (readonly [Audience, string])[];

/** How the item will appear in a build for `audience` once merged: shown (without what), or why not. */
function buildLines(content: Content, tree: GoalTree, audience: Audience, name: string, item: Accomplishment): string[] {
  const reasons = leftOut(audience, item);
  if (reasons.length > 0) return [`  - ${name}: not shown — ${listText(reasons.map(reasonText))}`];
  const hidden = hiddenParts(content, tree, audience, item);
  if (hidden.length === 0) return [`  - ${name}: shown`];
  return [`  - ${name}: shown, without:`, ...hidden.map((part) => `    - ${part}`)];
}

function reasonText(reason: LeftOut): string {
  return reason.why === 'draft' ? 'a draft (`draft: true`)' : `\`visibility: ${reason.visibility}\``;
}

/**
 * What the item's page in that build marks "not shown": a goal it moved, or one above such a goal
 * (the first one the throughline climbs to and the build hides), and authors the build does not
 * show. Links to unknown goals or people are the check's problems, not listed here.
 */
function hiddenParts(content: Content, tree: GoalTree, audience: Audience, item: Accomplishment): string[] {
  const parts = new Map<string, string>();
  for (const link of item.goals) {
    const goal = content.entries.goals.get(link.goal)?.data;
    if (goal === undefined) continue;
    const step = tree
      .path(link.goal)
      .reverse()
      .find((s) => s.kind === 'goal' && !allows(audience, s.goal.data.visibility));
    if (step?.kind !== 'goal' || parts.has(`goal:${step.goal.id}`)) continue;
    const hidden = step.goal.data;
    const name = hidden.visibility === 'private' ? 'a private goal' : `the goal ${mdText(hidden.title)} (${mdCode(step.goal.id)})`;
    const above = step.goal.id === link.goal ? '' : `, above ${mdText(goal.title)}`;
    parts.set(`goal:${step.goal.id}`, `${name}${above} — \`visibility: ${hidden.visibility}\``);
  }
  for (const id of new Set(item.authors)) {
    const person = content.entries.people.get(id)?.data;
    if (person !== undefined && !allows(audience, person.visibility))
      parts.set(`person:${id}`, `the author ${mdText(person.name)} — \`visibility: ${person.visibility}\``);
  }
  return [...parts.values()];
}

/** The check warns too; here the note sits next to the item it is about. */
function authorNote(input: ReportInput, item: Accomplishment): string[] {
  const handle = input.prAuthor?.replace(/^@/, '');
  if (handle === undefined || handle === '') return [];
  const github = (id: string) => input.content.entries.people.get(id)?.data?.github?.toLowerCase();
  if (item.authors.some((id) => github(id) === handle.toLowerCase())) return [];
  return [`  - Opened by ${mdCode(`@${handle}`)}, who is not an author`];
}

function goalsText(content: Content, item: Accomplishment): string {
  if (item.goals.length === 0) return 'none (unplanned work)';
  return item.goals
    .map((link) => {
      const goal = content.entries.goals.get(link.goal)?.data;
      if (goal === undefined) return mdCode(link.goal);
      if (goal.visibility === 'private') return 'a private goal';
      const kr = link.key_result === undefined ? undefined : goal.key_results.find((k) => k.id === link.key_result);
      const arrow = link.key_result === undefined ? '' : ` → ${kr ? mdText(kr.title) : mdCode(link.key_result)}`;
      return `${mdText(goal.title)} (${mdCode(link.goal)})${arrow}`;
    })
    .join('; ');
}

/**
 * Each author's count in each cycle the pull request touches, after it, with how much the pull
 * request moved it. Private items count here as everywhere; only their text is never shown.
 */
function countLines(input: ReportInput): string[] {
  const { content, changes } = input;
  const inPr = (data: Accomplishment | undefined) => (data !== undefined && !data.draft ? data : undefined);
  const after = changes.map((c) => (c.kind === 'removed' ? undefined : entryAt(content, c.file)?.data));
  const pairs = new Map<string, { person: string; cycle: string }>();
  for (const data of [...after, ...changes.map((c) => c.before)]) {
    if (data === undefined) continue;
    for (const person of data.authors) pairs.set(`${person}\u0000${data.cycle}`, { person, cycle: data.cycle });
  }
  const perCycle = new Map<string, ReturnType<typeof itemsPerPerson>>();
  const rows: { name: string; cycleName: string; text: string }[] = [];
  for (const { person, cycle } of pairs.values()) {
    const personData = content.entries.people.get(person)?.data;
    const name = personData?.name;
    const cycleData = content.entries.cycles.get(cycle)?.data;
    if (name === undefined || cycleData === undefined) continue;
    if (!perCycle.has(cycle)) perCycle.set(cycle, itemsPerPerson(valid(content, 'accomplishments'), cycle));
    const count = perCycle.get(cycle)!.get(person)?.length ?? 0;
    const has = (data: Accomplishment | undefined) => data !== undefined && data.cycle === cycle && data.authors.includes(person);
    const delta = after.filter((d) => has(inPr(d))).length - changes.filter((c) => has(inPr(c.before))).length;
    const { min, max } = cycleData.submissions;
    const state = stateText(count, min, max, personData !== undefined && exemption(person, personData, cycleData) !== undefined);
    const text =
      `- ${mdText(name)}: ${countText(count, min, max)} in ${mdText(cycleData.name)}` +
      `${state === 'ok' ? '' : `, ${state}`}${delta === 0 ? '' : ` (${signed(delta)} in this PR)`}`;
    rows.push({ name, cycleName: cycleData.name, text });
  }
  // Alphabetical, as everywhere people are listed.
  return rows.sort((a, b) => compareText(a.name, b.name) || compareText(a.cycleName, b.cycleName)).map((r) => r.text);
}

function entryAt(content: Content, file: string): ContentEntry<'accomplishments'> | undefined {
  for (const entry of content.entries.accomplishments.values()) if (entry.doc.file === file) return entry;
  return undefined;
}

function personName(content: Content, id: string): string {
  const name = content.entries.people.get(id)?.data?.name;
  return name === undefined ? mdCode(id) : mdText(name);
}

/** As many blocks as fit both limits, then "…and N more". */
function fit(blocks: readonly string[], limit: { count: number; chars: number }, noun: [one: string, many: string]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const block of blocks) {
    if (out.length >= limit.count || (out.length > 0 && chars + block.length > limit.chars)) break;
    out.push(block);
    chars += block.length + 1;
  }
  const hidden = blocks.length - out.length;
  if (hidden > 0) out.push(`- …and ${hidden} more ${hidden === 1 ? noun[0] : noun[1]}`);
  return out;
}

export interface ProblemsTableOptions {
  maxRows: number;
  /** Stop before the rows pass this many characters. */
  maxChars?: number;
  /**
   * Escape the text around code spans as untrusted Markdown too, and break mentions and
   * autolinks: for a pull-request comment, where `@team` in a person's name would notify them.
   */
  strict?: boolean;
}

/**
 * The check's problems as a GitHub Markdown table, shared by the job summary and the report.
 * Messages quote what authors wrote: nothing in them may become HTML or break the table.
 */
export function problemsTable(diagnostics: readonly Diagnostic[], options: ProblemsTableOptions): string[] {
  const strict = options.strict === true;
  const lines = ['| Where | Severity | Rule | Problem |', '| --- | --- | --- | --- |'];
  let chars = 0;
  let shown = 0;
  for (const d of diagnostics) {
    if (shown >= options.maxRows) break;
    const file = d.file === undefined ? undefined : strict ? mdCode(d.file).replace(/\|/g, '\\|') : `\`${cell(d.file, false)}\``;
    const where = file === undefined ? '`content/`' : `${file}${d.line > 0 ? ` ${d.line}:${d.column}` : ''}`;
    const problem = cell(d.message, strict) + (d.hint ? `<br>*hint:* ${cell(d.hint, strict)}` : '');
    const row = `| ${where} | ${d.severity} | \`${d.rule}\` | ${problem} |`;
    if (options.maxChars !== undefined && shown > 0 && chars + row.length > options.maxChars) break;
    lines.push(row);
    chars += row.length + 1;
    shown++;
  }
  if (shown < diagnostics.length) lines.push('', `…and ${diagnostics.length - shown} more; run \`npm run check\` locally to see them all.`);
  return lines;
}

/**
 * A message in a table cell. Code spans already show HTML as text, so only the text between
 * them is escaped. Strict mode trusts the code spans only when every backtick pairs up as
 * GitHub will pair it; otherwise the whole message is escaped as plain text.
 */
function cell(text: string, strict: boolean): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  if (strict && !/^[^`]*(?:`[^`]+`[^`]*)*$/.test(flat)) return escapeInline(flat).replace(/\|/g, '\\|');
  return flat
    .split('`')
    .map((part, index) => (index % 2 === 1 ? part : strict ? escapeInline(part) : escapeHtml(part)))
    .join('`')
    .replace(/\|/g, '\\|');
}

/**
 * Untrusted text as inline GitHub Markdown that renders exactly as written: one line, HTML shown
 * as text, every Markdown character escaped (emphasis, links, images, code, tables,
 * strikethrough, math, headings, quotes, lists), and mentions, issue references and autolinks
 * broken with a zero-width space, so a title `@team` notifies no one and `www.x.com` links nowhere.
 */
export function mdText(text: string): string {
  return escapeInline(visible(text.replace(/\s+/g, ' ').trim())).replace(/\|/g, '\\|');
}

/** Untrusted text as a code span, however many backticks it holds: for paths and ids. */
export function mdCode(text: string): string {
  const flat = visible(text.replace(/[\r\n]+/g, ' '));
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const ZWSP = '\u200B';

/** Everything `mdText` does but joining lines and escaping `|`, which only tables need. */
function escapeInline(text: string): string {
  return escapeHtml(text.replace(/[\\`*_[\]~$#!]/g, '\\$&'))
    .replace(/^([-+=])/, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`);
}
