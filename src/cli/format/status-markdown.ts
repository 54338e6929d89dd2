import { mdCode, mdText } from '../../core/report.ts';
import { countText, dueText, overClaimText, stateText, type CycleStatus } from '../../core/model/status.ts';

/**
 * `status` as GitHub-flavoured Markdown, for an issue or a team page. Every name and title is
 * escaped (`mdText`): content comes from pull requests. Private items are only counted.
 */
export function formatStatusMarkdown(status: CycleStatus): string {
  const { cycle } = status;
  const { min, max } = cycle.submissions;
  const out = [
    `## ${mdText(cycle.name)} (${mdCode(cycle.id)})`,
    '',
    `${cycle.start} to ${cycle.end} · ${dueText(cycle.due, cycle.daysLeft)} · ${min}–${max} items per person · ${cycle.items} item${cycle.items === 1 ? '' : 's'} so far`,
    '',
    '### People',
    '',
  ];
  if (status.people.length === 0) out.push('Nobody in `content/people/`.');
  else {
    out.push('| Person | Items | State |', '| --- | --- | --- |');
    for (const p of status.people) {
      const drafts = p.drafts > 0 ? `, +${p.drafts} draft${p.drafts === 1 ? '' : 's'}` : '';
      out.push(`| ${mdText(p.name)} | ${countText(p.items, min, max)} | ${stateText(p.items, min, max, p.exempt)}${drafts} |`);
    }
  }
  const goal = (g: { id: string; title: string }) => `${mdText(g.title)} (${mdCode(g.id)})`;
  section(
    out,
    'Goals no item moves',
    status.goalsWithoutItems.map((g) => `- ${goal(g)}`),
  );
  section(
    out,
    'Key results no item names',
    status.keyResultsWithoutItems.map((k) => `- ${goal(k.goal)} → ${mdText(k.keyResult.title)} (${mdCode(k.keyResult.id)})`),
  );
  const { items, private: hidden } = status.itemsWithoutEvidence;
  section(out, 'Items with no evidence', [
    ...items.map((i) => `- ${mdText(i.title)} · ${mdCode(i.file)}`),
    ...(hidden > 0 ? [`- ${items.length > 0 ? 'and ' : ''}${hidden} private item${hidden === 1 ? '' : 's'}`] : []),
  ]);
  section(
    out,
    'Over-claimed key results',
    status.overClaimed.map((o) => `- ${goal(o.goal)} → ${mdText(o.keyResult.title)}: ${mdText(overClaimText(o))}`),
  );
  return `${out.join('\n')}\n`;
}

function section(out: string[], title: string, lines: readonly string[]): void {
  out.push('', `### ${title}`, '', ...(lines.length > 0 ? lines : ['None.']));
}
