import { mdCode, mdText } from '../report.ts';
import { visible } from '../text/text-checks.ts';
import { EXPORT_MARKER, type CommitState, type ExportItem, type PersonalExport } from './export-schema.ts';

/** The Markdown export's first line: what a later export looks for before it replaces the file. */
export const MARKDOWN_MARKER = `<!-- ${EXPORT_MARKER} -->`;

const UNKNOWN_COMMITS: Record<Exclude<CommitState, 'known'>, string> = {
  'not-a-repository': 'unknown: not read from a git repository',
  shallow: 'unknown: this is a shallow clone, so git does not know which commit added each file',
};

/**
 * `throughline export --format md`: one document, safe to open in any Markdown viewer. Every
 * title, name and label is escaped, and each body is quoted in a code fence exactly as written:
 * it came from a pull request, and unfenced its raw HTML or images would load or run wherever
 * the file is opened.
 */
export function exportMarkdown(record: PersonalExport): string {
  const who = record.person.name ?? record.person.id;
  const count = record.cycles.reduce((n, cycle) => n + cycle.items.length, 0);
  const lines = [
    MARKDOWN_MARKER,
    '',
    `# ${mdText(who)}: accomplishments`,
    '',
    `Exported on ${record.exported} by \`throughline export --person ${record.person.id}\`: ${plural(count, 'item')} in ${plural(record.cycles.length, 'cycle')}, every visibility, drafts and \`content/.personal/\` included. Private items are in it: share this file with care.`,
  ];
  if (record.commits !== 'known') lines.push('', `Commits: ${UNKNOWN_COMMITS[record.commits]}.`);
  if (record.leftOut > 0)
    lines.push('', `${plural(record.leftOut, 'content file')} failed the schema and ${record.leftOut === 1 ? 'is' : 'are'} not in it.`);
  for (const cycle of record.cycles) {
    const dates = cycle.start !== null && cycle.end !== null ? `, ${cycle.start} to ${cycle.end}` : '';
    lines.push('', `## ${cycle.name === null ? mdCode(cycle.id) : `${mdText(cycle.name)} (${mdCode(cycle.id)})`}${dates}`);
    for (const item of cycle.items) lines.push('', ...itemLines(item, record.commits));
  }
  return `${lines.join('\n')}\n`;
}

function itemLines(item: ExportItem, commits: CommitState): string[] {
  const flags = [...(item.draft ? ['draft'] : []), ...(item.personal ? ['personal, in `content/.personal/`'] : [])];
  const facts = [
    `- ${[item.date, `outcome: ${item.outcome}`, `visibility: ${item.visibility}`, ...flags].join(' · ')}`,
    `- Authors: ${item.authors.map((a, i) => `${a.name === null ? mdCode(a.id) : mdText(a.name)}${i === 0 && item.authors.length > 1 ? ' (lead)' : ''}`).join(', ')}`,
    ...item.goals.map((goal) => {
      const kr = goal.keyResult === null ? '' : ` › ${named(goal.keyResult.title, goal.keyResult.id)}`;
      return `- Goal: ${named(goal.title, goal.id)}${kr}${goal.contribution === null ? '' : `: ${mdText(goal.contribution)}`}`;
    }),
    ...(item.unplanned === null ? [] : [`- Unplanned: ${mdText(item.unplanned)}`]),
    ...item.impact.map(
      (i) =>
        `- Impact: ${mdText(i.metric)}, ${i.before} → ${i.after} ${mdText(i.unit)}${i.keyResult === null ? '' : ` (${mdCode(i.keyResult)})`}`,
    ),
    ...item.evidence.map((e) => `- Evidence: [${mdText(e.label)}](${linkTarget(e.url)})`),
    ...(item.tags.length === 0 ? [] : [`- Tags: ${item.tags.map(mdCode).join(', ')}`]),
    `- File: ${mdCode(item.file)}`,
    `- Commit: ${commitText(item, commits)}`,
  ];
  const body = item.body.trim() === '' ? [] : ['', ...fenced(item.body)];
  return [`### ${mdText(item.title)}`, '', mdText(item.summary), '', ...facts, ...body];
}

function commitText(item: ExportItem, commits: CommitState): string {
  if (item.commit !== null) return `${mdCode(item.commit.hash.slice(0, 12))} on ${item.commit.date}`;
  if (item.personal) return 'none: a personal file stays on this machine';
  return commits === 'known' ? 'none yet: not committed' : 'unknown';
}

function named(title: string | null, id: string): string {
  return title === null ? mdCode(id) : `${mdText(title)} (${mdCode(id)})`;
}

/** A checked `https:`, `http:` or `mailto:` URL as a link target that no character of it can end early. */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The body in a fence longer than any run of backticks in it, so nothing in it can close the fence. */
function fenced(body: string): string[] {
  const longest = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const text = body
    .replace(/^\n+|\s+$/g, '')
    .split(/\r?\n/)
    .map(visible);
  return [`${fence}markdown`, ...text, fence];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
