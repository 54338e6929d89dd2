import type { MapLayout, MapNode } from './map.ts';

/** One link edge as the curve GoalMap draws: from the right side of one node to the left side of another. */
interface Span {
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * How many pairs of link edges cross in a layout. Every link is a level-ended S-curve (see
 * `curve`); two links cross when their vertical order differs at the two ends of the stretch they
 * share. Links that share an endpoint never count, and neither do the goal tree's connectors.
 * Pure and exact for links between the same two columns; for a link that skips a column it
 * compares where the curve is at the edges of the shared stretch.
 */
export function countCrossings(layout: Pick<MapLayout, 'nodes' | 'edges'>): number {
  const byKey = new Map<string, MapNode>(layout.nodes.map((node) => [node.key, node]));
  const spans: Span[] = [];
  for (const edge of layout.edges) {
    if (edge.kind !== 'link') continue;
    const a = byKey.get(edge.from);
    const b = byKey.get(edge.to);
    if (a === undefined || b === undefined) continue;
    spans.push({ from: a.key, to: b.key, x1: a.x + a.width, y1: a.y + a.height / 2, x2: b.x, y2: b.y + b.height / 2 });
  }
  let crossings = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      if (crosses(spans[i]!, spans[j]!)) crossings++;
    }
  }
  return crossings;
}

function crosses(a: Span, b: Span): boolean {
  if (a.from === b.from || a.to === b.to || a.from === b.to || a.to === b.from) return false;
  const left = Math.max(a.x1, b.x1);
  const right = Math.min(a.x2, b.x2);
  if (left >= right) return false;
  const start = yAt(a, left) - yAt(b, left);
  const end = yAt(a, right) - yAt(b, right);
  return (start < 0 && end > 0) || (start > 0 && end < 0);
}

/** The height of the S-curve at `x`: its x runs monotonically with t, so bisect for t. */
function yAt(span: Span, x: number): number {
  if (x <= span.x1) return span.y1;
  if (x >= span.x2) return span.y2;
  const mid = Math.round((span.x2 - span.x1) / 2);
  const bezier = (t: number, p0: number, p1: number, p2: number, p3: number): number => {
    const u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
  };
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 30; step++) {
    const t = (lo + hi) / 2;
    if (bezier(t, span.x1, span.x1 + mid, span.x2 - mid, span.x2) < x) lo = t;
    else hi = t;
  }
  return bezier((lo + hi) / 2, span.y1, span.y1, span.y2, span.y2);
}
