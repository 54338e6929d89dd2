import { GoalStateSchema, type GoalState, type GoalVersion, type Stamp } from '../../schema/history.ts';
import { GoalSchema } from '../../schema/goal.ts';
import { classify } from '../read/paths.ts';
import { readEntry } from '../read/read-entry.ts';
import type { FileChange } from './log.ts';

/** A historical version that could not be read: skipped, and said so. */
export interface HistoryWarning {
  path: string;
  stamp: Stamp;
  reason: string;
}

/** Each goal's versions and each accomplishment's commits, by the id the file has today. */
export interface ContentHistory {
  goals: Map<string, GoalVersion[]>;
  items: Map<string, Stamp[]>;
  warnings: HistoryWarning[];
}

/** Whose text the history needs: goal files. Accomplishments need only their commits. */
export function wantsText(path: string): boolean {
  const kind = classify(path);
  return kind.kind === 'entry' && kind.collection === 'goals';
}

/**
 * Builds the history from file changes, oldest first: each file's past follows it through renames
 * to the path it has now; a file deleted and later added again starts anew. A goal version is kept
 * only when something the pages report changed, so a typo fixed in a title is no event.
 */
export function historyBuilder(): { add(change: FileChange): void; result(): ContentHistory } {
  // Keyed by the path each file has at this point of the walk.
  const goals = new Map<string, GoalVersion[]>();
  const items = new Map<string, Stamp[]>();
  const warnings: HistoryWarning[] = [];

  const move = <T>(map: Map<string, T>, change: FileChange) => {
    if (change.from === undefined) return;
    const past = map.get(change.from);
    map.delete(change.from);
    if (past !== undefined) map.set(change.path, past);
  };

  return {
    add(change) {
      const kind = classify(change.path);
      const collection = kind.kind === 'entry' ? kind.collection : undefined;
      if (collection === 'accomplishments') {
        move(items, change);
        if (change.deleted) items.delete(change.path);
        else items.set(change.path, [...(items.get(change.path) ?? []), change.stamp]);
      } else if (collection === 'goals') {
        move(goals, change);
        if (change.deleted) {
          goals.delete(change.path);
          return;
        }
        if (change.text === undefined) return;
        const state = goalState(change.text);
        if (typeof state === 'string') {
          warnings.push({ path: change.path, stamp: change.stamp, reason: state });
          return;
        }
        const versions = goals.get(change.path) ?? [];
        const last = versions.at(-1);
        if (last === undefined || !sameState(last.state, state)) versions.push({ ...change.stamp, state });
        goals.set(change.path, versions);
      } else if (change.from !== undefined) {
        // Moved out of its collection's folder: what follows is another file's history.
        goals.delete(change.from);
        items.delete(change.from);
      }
    },
    result() {
      return { goals: byId(goals), items: byId(items), warnings };
    },
  };
}

/** A goal file's reported parts, read with the check's own parser and schema; a reason when it cannot be. */
function goalState(text: string): GoalState | string {
  const entry = readEntry(text);
  if (!entry.ok) return 'its front matter is not valid YAML';
  const goal = GoalSchema.safeParse(entry.data);
  if (!goal.success) {
    const issue = goal.error.issues[0];
    return `${issue?.path.join('.') || 'front matter'}: ${issue?.message ?? 'not a valid goal'}`;
  }
  return GoalStateSchema.parse(goal.data);
}

function sameState(a: GoalState, b: GoalState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function byId<T>(map: Map<string, T>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [path, value] of map) {
    const kind = classify(path);
    if (kind.kind === 'entry' && kind.problems.length === 0) out.set(kind.id, value);
  }
  return out;
}
