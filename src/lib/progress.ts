import type { KeyResult } from '../schema/index.ts';

export interface Progress {
  /** Share of the way from baseline to target, clamped to 0..1 for drawing. */
  fraction: number;
  /** The same share unclamped: below 0 means it moved the wrong way, above 1 past the target. */
  raw: number;
  /** Whether the target is below the baseline. */
  reduce: boolean;
}

/** How far a key result has come from its baseline towards its target, for "reduce" results too. */
export function keyResultProgress(kr: Pick<KeyResult, 'baseline' | 'target' | 'current'>): Progress {
  const reduce = kr.target < kr.baseline;
  // A target equal to the baseline has no direction, so no way to go: the check rejects it
  // (`invalid-value`), and a page that gets one anyway shows no progress rather than "NaN%".
  const raw = kr.target === kr.baseline ? 0 : share(kr.baseline, kr.target, kr.current);
  return { fraction: Math.min(1, Math.max(0, raw)), raw, reduce };
}

/**
 * `(at - from) / (to - from)`, finite for every pair of finite numbers with `from !== to`: the
 * schema bounds measures, but a page must never show "NaN%" whatever reaches it.
 */
function share(from: number, to: number, at: number): number {
  let span = to - from;
  let moved = at - from;
  // Differences of numbers near ±Number.MAX_VALUE overflow; halves of them cannot.
  if (!Number.isFinite(span) || !Number.isFinite(moved)) {
    span = to / 2 - from / 2;
    moved = at / 2 - from / 2;
  }
  const raw = moved / span;
  // A tiny span can still make the share overflow: it is then simply "very far".
  return Number.isFinite(raw) ? raw : Math.sign(raw) * Number.MAX_VALUE;
}

/**
 * A goal's progress: the mean of its key results and of its child goals' progress, each counting
 * once, so a parent goal with no key results of its own still shows how its children are doing.
 * Undefined when there is nothing to measure.
 */
export function rollUp(own: readonly KeyResult[], children: readonly (number | undefined)[]): number | undefined {
  const parts = [...own.map((kr) => keyResultProgress(kr).fraction), ...children.filter((c) => c !== undefined)];
  return parts.length === 0 ? undefined : parts.reduce((a, b) => a + b, 0) / parts.length;
}
