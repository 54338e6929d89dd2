import type { Accomplishment, Goal } from '../schema/index.ts';

/** Four equally dignified results: `learning` is an outcome in its own right, `missed` is not a failure mark. */
export const OUTCOME_LABELS: Record<Accomplishment['outcome'], string> = {
  delivered: 'Delivered',
  partial: 'Partly delivered',
  missed: 'Missed',
  learning: 'Learning',
};

export const STATUS_LABELS: Record<Goal['status'], string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
  dropped: 'Dropped',
};
