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
  const span = kr.target - kr.baseline;
  const reduce = span < 0;
  // A target equal to the baseline means "hold the line": met while current stays on the right side.
  const raw = span === 0 ? (kr.current === kr.target ? 1 : 0) : (kr.current - kr.baseline) / span;
  return { fraction: Math.min(1, Math.max(0, raw)), raw, reduce };
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
