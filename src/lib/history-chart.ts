import type { HistoryPoint } from './history.ts';

/** The chart's drawing space, which the SVG scales to its box; its words are HTML around it. */
export const CHART = { width: 480, height: 120, left: 6, right: 6, top: 8, bottom: 8 } as const;

export interface KeyResultChart {
  /** The value as a step line: it holds from one change to the next, up to today. */
  line: string;
  dots: { x: number; y: number; point: HistoryPoint }[];
  baselineY: number;
  targetY: number;
}

/**
 * Where a key result's values over time fall in the chart: days run left to right from the first
 * value to `today`, values bottom to top over a range that always holds the baseline and the
 * target, so the line reads against both.
 */
export function keyResultChart(points: readonly HistoryPoint[], kr: { baseline: number; target: number }, today: string): KeyResultChart {
  const first = points[0]?.date ?? today;
  const last = points.at(-1)?.date ?? today;
  const start = day(first);
  const end = Math.max(day(today), day(last), start + 1);
  const values = [kr.baseline, kr.target, ...points.map((p) => p.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || 1) * 0.1;
  const x = (date: string) => CHART.left + ((day(date) - start) / (end - start)) * (CHART.width - CHART.left - CHART.right);
  const y = (value: number) => CHART.top + (1 - (value - (low - pad)) / (high - low + 2 * pad)) * (CHART.height - CHART.top - CHART.bottom);
  const dots = points.map((point) => ({ x: round(x(point.date)), y: round(y(point.value)), point }));
  const steps = dots.map((dot, i) => (i === 0 ? `M${dot.x} ${dot.y}` : `H${dot.x}V${dot.y}`)).join('');
  const line = dots.length === 0 ? '' : `${steps}H${round(CHART.width - CHART.right)}`;
  return { line, dots, baselineY: round(y(kr.baseline)), targetY: round(y(kr.target)) };
}

function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
