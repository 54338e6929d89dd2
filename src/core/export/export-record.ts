import type { Accomplishment } from '../../schema/index.ts';
import { valid, type Content, type ValidEntry } from '../read/content.ts';
import { isPersonal } from '../read/paths.ts';
import { EXPORT_MARKER, type CommitState, type ExportCommit, type ExportItem, type PersonalExport } from './export-schema.ts';

export interface ExportInput {
  content: Content;
  person: string;
  today: string;
  /** What git knows: the commit that added each file, by path relative to the root. */
  commits: { state: CommitState; added: ReadonlyMap<string, ExportCommit> };
  leftOut: number;
}

/** Whether `person` may take `item` with them: only work they are an author of, private or not. */
export function isTheirs(item: Accomplishment, person: string): boolean {
  return item.authors.includes(person);
}

/**
 * One person's record: every item they are an author of, in every cycle and visibility, drafts
 * and personal items included, with the names and titles its ids stand for. Nobody else's item
 * is ever in it, whatever its visibility.
 */
export function personalExport(input: ExportInput): PersonalExport {
  const { content, person } = input;
  const people = new Map(valid(content, 'people').map((p) => [p.id, p.data]));
  const goals = new Map(valid(content, 'goals').map((g) => [g.id, g.data]));
  const cycles = new Map(valid(content, 'cycles').map((c) => [c.id, c.data]));
  const items = valid(content, 'accomplishments').filter((entry) => isTheirs(entry.data, person));

  const toItem = (entry: ValidEntry<'accomplishments'>): ExportItem => {
    const data = entry.data;
    const personal = isPersonal(entry.doc.file);
    return {
      id: entry.id,
      file: entry.doc.file,
      personal,
      draft: data.draft,
      visibility: data.visibility,
      title: data.title,
      summary: data.summary,
      cycle: data.cycle,
      date: data.date,
      outcome: data.outcome,
      authors: data.authors.map((id) => ({ id, name: people.get(id)?.name ?? null })),
      goals: data.goals.map((link) => {
        const goal = goals.get(link.goal);
        const keyResult = link.key_result;
        return {
          id: link.goal,
          title: goal?.title ?? null,
          keyResult:
            keyResult === undefined ? null : { id: keyResult, title: goal?.key_results.find((kr) => kr.id === keyResult)?.title ?? null },
          contribution: link.contribution ?? null,
        };
      }),
      unplanned: data.unplanned ?? null,
      impact: data.impact.map((i) => ({
        metric: i.metric,
        keyResult: i.key_result ?? null,
        before: i.before,
        after: i.after,
        unit: i.unit,
      })),
      evidence: data.evidence.map((e) => ({ label: e.label, url: e.url })),
      tags: [...data.tags],
      body: entry.doc.body,
      // Personal files are git-ignored: whatever git says of their path is not about them.
      commit: personal ? null : (input.commits.added.get(entry.doc.file) ?? null),
    };
  };

  const byCycle = new Map<string, ExportItem[]>();
  for (const entry of items) {
    const list = byCycle.get(entry.data.cycle) ?? [];
    list.push(toItem(entry));
    byCycle.set(entry.data.cycle, list);
  }
  const groups = [...byCycle].map(([id, list]) => {
    const cycle = cycles.get(id);
    list.sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.id, b.id));
    return { id, name: cycle?.name ?? null, start: cycle?.start ?? null, end: cycle?.end ?? null, items: list };
  });
  // Newest first; a cycle without a valid file is placed by its newest item.
  const key = (group: (typeof groups)[number]) => group.start ?? group.items[0]!.date;
  groups.sort((a, b) => compareDesc(key(a), key(b)) || compareDesc(a.id, b.id));

  const self = people.get(person);
  return {
    exportedBy: EXPORT_MARKER,
    schemaVersion: 1,
    exported: input.today,
    person: { id: person, name: self?.name ?? null, role: self?.role ?? null },
    commits: input.commits.state,
    leftOut: input.leftOut,
    cycles: groups,
  };
}

function compareAsc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDesc(a: string, b: string): number {
  return compareAsc(b, a);
}
