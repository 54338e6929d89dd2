import type { Accomplishment, Cycle, Goal } from '../schema/index.ts';
import type { Formatting } from './format.ts';
import { OUTCOME_LABELS } from './labels.ts';

type Outcome = Accomplishment['outcome'];

/** The four outcomes in the order the scorecard draws them; each is a result in its own right. */
export const OUTCOME_ORDER: readonly Outcome[] = ['delivered', 'partial', 'missed', 'learning'];

export interface MixSegment {
  outcome: Outcome;
  label: string;
  count: number;
  /** 0..1 of all items; the segments' shares add up to 1 (or are all 0 when there is nothing). */
  share: number;
}

export interface OutcomeMix {
  total: number;
  /** Every outcome, in `OUTCOME_ORDER`, zero counts too: a missing word would hide a result. */
  segments: MixSegment[];
}

/** A cycle's outcome mix as one proportional bar: each outcome's count and its share of the whole. */
export function outcomeMix(counts: Readonly<Record<Outcome, number>>): OutcomeMix {
  const total = OUTCOME_ORDER.reduce((sum, o) => sum + counts[o], 0);
  return {
    total,
    segments: OUTCOME_ORDER.map((outcome) => ({
      outcome,
      label: OUTCOME_LABELS[outcome],
      count: counts[outcome],
      share: total === 0 ? 0 : counts[outcome] / total,
    })),
  };
}

export interface CycleFigures {
  cycle: string;
  /** Whether the cycle is still open today (its end, or its due date, is not past). */
  ongoing: boolean;
  items: number;
  people: number;
  topGoals: number;
  /** Top goals on track or done. */
  onTrack: number;
  missed: number;
  learnings: number;
}

/** The figures of a cycle's summary line, from what this build shows of it. */
export function cycleFigures(input: {
  cycle: Cycle;
  today: string;
  items: readonly { data: Pick<Accomplishment, 'authors' | 'outcome'> }[];
  /** Only authors the build shows are counted. */
  shownPerson: (id: string) => boolean;
  topGoals: readonly { data: Pick<Goal, 'status'> }[];
}): CycleFigures {
  const { cycle, today, items, topGoals } = input;
  const closes = cycle.due !== undefined && cycle.due > cycle.end ? cycle.due : cycle.end;
  const people = new Set(items.flatMap((i) => i.data.authors.filter(input.shownPerson)));
  return {
    cycle: cycle.name,
    ongoing: today <= closes,
    items: items.length,
    people: people.size,
    topGoals: topGoals.length,
    onTrack: topGoals.filter((g) => g.data.status === 'on-track' || g.data.status === 'done').length,
    missed: items.filter((i) => i.data.outcome === 'missed').length,
    learnings: items.filter((i) => i.data.outcome === 'learning').length,
  };
}

/**
 * One honest sentence on how a cycle went: "H2 2026 so far: 12 accomplishments by 7 people; 2 of 3
 * top goals on track or done; 2 bets did not pay off and are written up as lessons".
 */
export function cycleSummary(f: CycleFigures, format: Pick<Formatting, 'number' | 'plural'>): string {
  const parts = [
    `${format.plural(f.items, 'accomplishment')} by ${format.plural(f.people, 'person', 'people')}`,
    f.topGoals === 0 ? 'no top goals set' : `${format.number(f.onTrack)} of ${format.plural(f.topGoals, 'top goal')} on track or done`,
  ];
  if (f.missed > 0) parts.push(`${format.plural(f.missed, 'accomplishment')} missed ${f.missed === 1 ? 'its' : 'their'} mark`);
  parts.push(
    f.learnings === 0
      ? 'no lessons written up'
      : `${format.plural(f.learnings, 'bet')} did not pay off and ${f.learnings === 1 ? 'is' : 'are'} written up as ${f.learnings === 1 ? 'a lesson' : 'lessons'}`,
  );
  return `${f.cycle}${f.ongoing ? ' so far' : ''}: ${parts.join('; ')}.`;
}
