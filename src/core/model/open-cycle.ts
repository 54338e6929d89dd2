import type { Cycle } from '../../schema/index.ts';

/**
 * The cycle people are submitting for on `today`: the one whose window (start to the later of its
 * end and its due date) holds today, the most recently started if several do; else the latest
 * cycle that has started; else the first. `new` and `status` default to it.
 */
export function openCycle<C extends { id: string; data: Pick<Cycle, 'start' | 'end' | 'due'> }>(
  cycles: readonly C[],
  today: string,
): C | undefined {
  const byStart = [...cycles].sort((a, b) => (a.data.start < b.data.start ? 1 : a.data.start > b.data.start ? -1 : 0));
  const closes = (c: C) => (c.data.due !== undefined && c.data.due > c.data.end ? c.data.due : c.data.end);
  return byStart.find((c) => c.data.start <= today && today <= closes(c)) ?? byStart.find((c) => c.data.start <= today) ?? byStart.at(-1);
}
