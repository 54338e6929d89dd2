import { byTitle } from '../core/text/compare-text.ts';
import type { Accomplishment, Goal, KeyResult } from '../schema/index.ts';
import type { Formatting } from './format.ts';
import { STATUS_LABELS, OUTCOME_LABELS } from './labels.ts';
import { countCrossings } from './map-crossings.ts';
import { curve, elbow, fitLabel, wrapLabel } from './map-geometry.ts';
import type { Entry } from './entry.ts';
import { attachItems, goalKey, krKey, orderGoals, type Attachments, type OrderedGoal } from './map-order.ts';

export interface MapInput {
  /** Goals this build may show. */
  goals: { id: string; data: Goal }[];
  /** Items this build may show: no drafts, audience applied. */
  items: { id: string; data: Accomplishment }[];
  /** URLs for nodes. `unplanned`, if given, is where the unplanned-work total links to. */
  href: { goal(id: string): string; item(id: string): string; unplanned?: string };
  /** How the site writes numbers (src/lib/format.ts): the counts and key-result values in labels. */
  format: Pick<Formatting, 'number' | 'plural' | 'withUnit'>;
  /** A goal's progress, 0..1, or undefined when it measures nothing (the site model's `progress`). */
  progress?(goalId: string): number | undefined;
}

export interface MapOptions {
  /** Above this many items, each goal and key result gets one "N items" node instead. Default 120. */
  maxItemNodes?: number;
  /**
   * Reorder key results within their goal and items within their place so fewer lines cross
   * (a few barycentre sweeps; goals keep their tree order). Default true; false keeps the
   * alphabetical order, as a baseline to measure against.
   */
  reduceCrossings?: boolean;
}

export type Outcome = Accomplishment['outcome'];
export type MapNodeKind = 'goal' | 'key-result' | 'item' | 'aggregate' | 'group';

export interface MapColumn {
  heading: string;
  x: number;
  width: number;
}

export interface MapNode {
  /** Unique in the layout: `goal:<id>`, `kr:<goal>/<kr>`, `item:<id>`, `agg:<target>`, `group:<name>`. */
  key: string;
  kind: MapNodeKind;
  /** 0 goals, 1 key results, 2 items. */
  column: 0 | 1 | 2;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the label text starts (after the outcome mark on items). */
  labelX: number;
  /** The text drawn, the lines joined by spaces: the title, cut with an ellipsis only past three lines. */
  label: string;
  /** The label wrapped to fit the box: one to three lines. */
  lines: string[];
  /** Where the first line's middle is; each next line is `lineHeight` lower. */
  textY: number;
  /** The full text: tooltip and the link's accessible name; it begins with the uncut title. */
  title: string;
  /** Absent on group headings and on totals with no page to go to. */
  href?: string;
  /** Depth in the goal tree (goals only; 0 elsewhere). */
  depth: number;
  outcome?: Outcome;
  /** How many items an aggregate node stands for. */
  count?: number;
  /** Goals: the status, as a word. */
  status?: string;
  /** Goals: progress, 0..1, when the goal measures any. */
  progress?: number;
  /** Goals: where the middle of the status line is. */
  statusY?: number;
}

export interface MapEdge {
  /** `link`: a Bézier curve between columns; `tree`: a parent goal to its child goal. */
  kind: 'link' | 'tree';
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  /** The font size (px) the labels were fitted for. */
  fontSize: number;
  /** The distance between two lines of one label. */
  lineHeight: number;
  /** Where each column's heading goes: on the top row, `headingY` down. */
  columns: [MapColumn, MapColumn, MapColumn];
  headingY: number;
  /** In reading order: each goal, then its items and key results, then its child goals. */
  nodes: MapNode[];
  /** Drawn under the nodes. */
  edges: MapEdge[];
  /** How many items the map covers. */
  itemCount: number;
  /** True when items are drawn as per-goal and per-key-result totals. */
  aggregated: boolean;
}

export const DEFAULT_MAX_ITEM_NODES = 120;

// Sized so the whole map (816 px) fits a documentation column and labels stay readable.
const FONT = 14;
const PAD = 8;
const HEADER = 36;
const NODE_H = 30;
// Each further line of a wrapped label, and the status line under a goal's title.
const LINE = 17;
const STATUS_H = 18;
const MAX_LINES = 3;
const SWEEPS = 4;
const MAX_REORDER_EDGES = 2_000;
const ROW_GAP = 6;
const KR_GAP = 12;
const BAND_GAP = 24;
const COLUMN_GAP = 48;
// Items get the most room: there are the most of them and their titles are the longest.
const WIDTHS = [264, 236, 420] as const;
const INDENT = 14;
// Deeper goals stop indenting so a long chain cannot squeeze its labels to nothing.
const MAX_INDENT_DEPTH = 5;
const TEXT_INSET = 10;
const MARK_INSET = 28;

/** A node before its label is fitted. */
type NodeSpec = Omit<MapNode, 'label' | 'lines' | 'textY' | 'labelX' | 'depth' | 'column' | 'x' | 'width' | 'height'> & {
  depth?: number;
};

/** What the crossing reduction changes: key results per goal id, and items per place (goal or key-result key). */
interface Order {
  krs: Map<string, KeyResult[]>;
  placed: Map<string, Entry<Accomplishment>[]>;
}

/** Positions goals, key results and items for one SVG picture. Pure: same input, same layout. */
export function layoutMap(input: MapInput, options: MapOptions = {}): MapLayout {
  const aggregated = input.items.length > (options.maxItemNodes ?? DEFAULT_MAX_ITEM_NODES);
  const goals = orderGoals(input.goals);
  const attached = attachItems(goals, input.items);
  let order: Order = { krs: new Map(goals.map((goal) => [goal.id, goal.data.key_results])), placed: attached.placed };
  let best = build(input, goals, attached, order, aggregated);
  // Totals have one line each, nothing to reorder; and without links nothing can cross.
  // Counting is quadratic in the links: past MAX_REORDER_EDGES (a per-goal map of thousands of items) keep the order.
  if (aggregated || options.reduceCrossings === false || best.edges.length < 2 || best.edges.length > MAX_REORDER_EDGES) return best;
  let fewest = countCrossings(best);
  for (let sweep = 0; sweep < SWEEPS && fewest > 0; sweep++) {
    let improved = false;
    // Items by where their lines go, then key results by where their items are: each on the latest best layout.
    for (const step of [orderItems, orderKeyResults]) {
      const next = step(best, goals, attached, order);
      const layout = build(input, goals, attached, next, aggregated);
      const crossings = countCrossings(layout);
      if (crossings < fewest) {
        [best, fewest, order, improved] = [layout, crossings, next, true];
      }
    }
    if (!improved) break;
  }
  return best;
}

function build(input: MapInput, goals: readonly OrderedGoal[], attached: Attachments, order: Order, aggregated: boolean): MapLayout {
  const map = new MapBuilder(input, attached, order, aggregated);
  // Each goal gets a band as tall as its own key results and items, so edges run mostly level.
  let y = PAD + HEADER;
  for (const goal of goals) y = map.goalBand(goal, y) + BAND_GAP;
  y = map.group('hidden', 'Goals not shown in this build', attached.hidden, y);
  map.group('unplanned', 'Unplanned work', attached.unplanned, y, input.href.unplanned);
  return map.finish(goals);
}

/** The middle height of every node, by key. */
function middles(layout: MapLayout): Map<string, number> {
  return new Map(layout.nodes.map((node) => [node.key, node.y + node.height / 2]));
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/** A stable sort by a barycentre: equal ones keep their order, so the result is deterministic. */
function byBarycentre<T>(list: readonly T[], barycentre: (entry: T) => number): T[] {
  return list
    .map((entry, index) => ({ entry, index, at: barycentre(entry) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Items in each place sorted by the mean height of everything they link to. */
function orderItems(layout: MapLayout, _goals: readonly OrderedGoal[], attached: Attachments, order: Order): Order {
  const at = middles(layout);
  const placed = new Map<string, Entry<Accomplishment>[]>();
  for (const [target, items] of order.placed) {
    placed.set(
      target,
      byBarycentre(items, (item) => mean((attached.targets.get(item.id) ?? [target]).map((key) => at.get(key) ?? 0))),
    );
  }
  return { krs: order.krs, placed };
}

/** Key results within their goal sorted by the mean height of the items linked to them. */
function orderKeyResults(layout: MapLayout, goals: readonly OrderedGoal[], attached: Attachments, order: Order): Order {
  const at = middles(layout);
  const linked = new Map<string, number[]>();
  for (const [item, targets] of attached.targets) {
    const y = at.get(`item:${item}`);
    if (y === undefined) continue;
    for (const target of targets) linked.set(target, [...(linked.get(target) ?? []), y]);
  }
  const krs = new Map<string, KeyResult[]>();
  for (const goal of goals) {
    const list = order.krs.get(goal.id) ?? goal.data.key_results;
    krs.set(
      goal.id,
      byBarycentre(list, (kr) => {
        const key = krKey(goal.id, kr.id);
        const ys = linked.get(key);
        return ys === undefined ? (at.get(key) ?? 0) : mean(ys);
      }),
    );
  }
  return { krs, placed: order.placed };
}

class MapBuilder {
  readonly input: MapInput;
  readonly attached: Attachments;
  readonly order: Order;
  readonly aggregated: boolean;
  readonly columns = makeColumns();
  readonly nodes: MapNode[] = [];
  readonly byKey = new Map<string, MapNode>();
  readonly links: [from: string, to: string][] = [];

  constructor(input: MapInput, attached: Attachments, order: Order, aggregated: boolean) {
    this.input = input;
    this.attached = attached;
    this.order = order;
    this.aggregated = aggregated;
  }

  /** The goal, the items on the goal itself, then each key result beside its items; returns the band's bottom. */
  goalBand(goal: OrderedGoal, top: number): number {
    const indent = Math.min(goal.depth, MAX_INDENT_DEPTH) * INDENT;
    const key = goalKey(goal.id);
    const href = this.input.href.goal(goal.id);
    const status = STATUS_LABELS[goal.data.status];
    const progress = this.input.progress?.(goal.id);
    const percent = progress === undefined ? '' : `, ${this.percent(progress)} done`;
    const title = `${goal.data.title} (goal, ${status.toLowerCase()}${percent})`;
    const spec: NodeSpec = { key, kind: 'goal', y: top, depth: goal.depth, href, title, status };
    const goalNode = this.add(0, progress === undefined ? spec : { ...spec, progress }, goal.data.title, indent);
    // Items on the goal itself come first, level with it, so their curves cross an empty key-result column.
    let bottom = this.items(key, top, goal.data.title, `${href}#items`);
    let next = bottom === top ? top : bottom + KR_GAP;
    for (const kr of this.order.krs.get(goal.id) ?? goal.data.key_results) {
      const krNode = krKey(goal.id, kr.id);
      const krHref = `${href}#kr-${kr.id}`;
      const node = this.add(1, { key: krNode, kind: 'key-result', y: next, href: krHref, title: krTitle(kr, this.input.format) }, kr.title);
      this.links.push([key, krNode]);
      bottom = Math.max(next + node.height, this.items(krNode, next, kr.title, krHref));
      next = bottom + KR_GAP;
    }
    return Math.max(top + goalNode.height, bottom);
  }

  /** "40%": progress in the site's number format. */
  percent(progress: number): string {
    return this.input.format.withUnit(Math.round(progress * 100), '%');
  }

  /** The items placed beside `target`, or one total when aggregated; returns their bottom (`top` if none). */
  items(target: string, top: number, targetTitle: string, href: string): number {
    if (this.aggregated) {
      const count = this.attached.linked.get(target) ?? 0;
      if (count === 0) return top;
      const key = `agg:${target}`;
      const label = this.itemCount(count);
      const node = this.add(2, { key, kind: 'aggregate', y: top, count, href, title: `${label} linked to ${targetTitle}` }, label);
      this.links.push([target, key]);
      return top + node.height;
    }
    let y = top - ROW_GAP;
    for (const item of this.order.placed.get(target) ?? []) {
      y = this.item(item, y + ROW_GAP);
      for (const from of this.attached.targets.get(item.id) ?? []) this.links.push([from, `item:${item.id}`]);
    }
    return Math.max(y, top);
  }

  /** "1 item", "1,250 items": the count in the site's number format. */
  itemCount(count: number): string {
    return this.input.format.plural(count, 'item');
  }

  /** A headed group at the foot of the items column, for items with no goal shown; returns where the next starts. */
  group(name: string, heading: string, items: readonly Entry<Accomplishment>[], top: number, href?: string): number {
    if (items.length === 0) return top;
    let y = this.add(2, { key: `group:${name}`, kind: 'group', y: top, title: heading }, heading).height + top;
    if (this.aggregated) {
      const title = `${this.itemCount(items.length)}: ${heading.toLowerCase()}`;
      const node: NodeSpec = { key: `agg:group:${name}`, kind: 'aggregate', y: y + ROW_GAP, count: items.length, title };
      const total = this.add(2, href === undefined ? node : { ...node, href }, this.itemCount(items.length));
      return y + ROW_GAP + total.height + BAND_GAP;
    }
    for (const item of items) y = this.item(item, y + ROW_GAP);
    return y + BAND_GAP;
  }

  finish(goals: readonly OrderedGoal[]): MapLayout {
    const last = this.nodes.reduce((bottom, node) => Math.max(bottom, node.y + node.height), PAD + HEADER);
    const items = this.columns[2];
    const links = this.links.map(([from, to]) => linkEdge(this.byKey.get(from)!, this.byKey.get(to)!));
    return {
      width: items.x + items.width + PAD,
      height: last + PAD,
      fontSize: FONT,
      lineHeight: LINE,
      columns: this.columns,
      headingY: PAD + HEADER / 2,
      nodes: this.nodes,
      edges: [...treeEdges(goals, this.byKey), ...links],
      itemCount: this.input.items.length,
      aggregated: this.aggregated,
    };
  }

  private item(item: Entry<Accomplishment>, y: number): number {
    const { title, outcome } = item.data;
    const node: NodeSpec = {
      key: `item:${item.id}`,
      kind: 'item',
      y,
      href: this.input.href.item(item.id),
      outcome,
      title: `${title} (${OUTCOME_LABELS[outcome].toLowerCase()})`,
    };
    return y + this.add(2, node, title).height;
  }

  private add(column: 0 | 1 | 2, spec: NodeSpec, text: string, indent = 0): MapNode {
    const { x, width } = this.columns[column];
    const inset = spec.kind === 'item' ? MARK_INSET : TEXT_INSET;
    const room = width - indent - inset - TEXT_INSET;
    // Group headings are plain text on one line; every box wraps its title to up to three.
    const lines = spec.kind === 'group' ? [fitLabel(text, room, FONT)] : wrapLabel(text, room, FONT, MAX_LINES);
    const height = NODE_H + (lines.length - 1) * LINE + (spec.kind === 'goal' ? STATUS_H : 0);
    const box = { column, x: x + indent, width: width - indent, height };
    const textY = spec.y + NODE_H / 2;
    const status = spec.kind === 'goal' ? { statusY: spec.y + height - STATUS_H / 2 - 6 } : {};
    const node: MapNode = { depth: 0, ...spec, ...box, ...status, label: lines.join(' '), lines, textY, labelX: box.x + inset };
    this.nodes.push(node);
    this.byKey.set(node.key, node);
    return node;
  }
}

function makeColumns(): [MapColumn, MapColumn, MapColumn] {
  const goals = { heading: 'Goals', x: PAD, width: WIDTHS[0] };
  const krs = { heading: 'Key results', x: goals.x + goals.width + COLUMN_GAP, width: WIDTHS[1] };
  const items = { heading: 'Items', x: krs.x + krs.width + COLUMN_GAP, width: WIDTHS[2] };
  return [goals, krs, items];
}

function krTitle(kr: KeyResult, format: MapInput['format']): string {
  const now = format.withUnit(kr.current, kr.unit);
  return `${kr.title} (key result: ${now} now, from ${format.number(kr.baseline)} towards ${format.number(kr.target)})`;
}

function linkEdge(from: MapNode, to: MapNode): MapEdge {
  const d = curve(from.x + from.width, from.y + from.height / 2, to.x, to.y + to.height / 2);
  return { kind: 'link', from: from.key, to: to.key, d };
}

// The connector runs down just inside the parent's left edge, left of every indented child.
function treeEdges(goals: readonly OrderedGoal[], byKey: ReadonlyMap<string, MapNode>): MapEdge[] {
  const edges: MapEdge[] = [];
  for (const goal of goals) {
    if (goal.parent === undefined) continue;
    const parent = byKey.get(goalKey(goal.parent))!;
    const child = byKey.get(goalKey(goal.id))!;
    if (child.x <= parent.x) continue; // past the indent limit there is no room for a connector
    const d = elbow(parent.x + INDENT / 2, parent.y + parent.height, child.y + child.height / 2, child.x);
    edges.push({ kind: 'tree', from: parent.key, to: child.key, d });
  }
  return edges;
}

/** The top goals of a map, in map order: the goals no other goal of the input is above. */
export function topGoals(goals: MapInput['goals']): MapInput['goals'] {
  return orderGoals(goals).filter((goal) => goal.depth === 0);
}

/**
 * One top goal's part of a map: that goal, every goal below it, and every item linked to one of
 * them (its other links left out). Above the aggregation threshold the cycle's map draws totals;
 * this, laid out with `PER_GOAL_MAP`, still draws each item.
 */
export function goalMapInput(input: MapInput, top: string): MapInput {
  const ids = subtree(input.goals, top);
  return { ...input, goals: input.goals.filter((goal) => ids.has(goal.id)), items: goalSubtreeItems(input.goals, input.items, top) };
}

/** The items linked to `top` or a goal below it: what its map draws, over one page or several. */
export function goalSubtreeItems<I extends MapInput['items'][number]>(goals: MapInput['goals'], items: readonly I[], top: string): I[] {
  const ids = subtree(goals, top);
  return items.filter((item) => item.data.goals.some((link) => ids.has(link.goal)));
}

/** `top` and every goal below it; empty when `top` is not among `goals`. */
function subtree(goals: MapInput['goals'], top: string): Set<string> {
  const ordered = orderGoals(goals);
  const start = ordered.findIndex((goal) => goal.id === top);
  if (start < 0) return new Set();
  const ids = new Set([top]);
  // Depth-first order: the goals below `top` follow it until one is no deeper than it.
  for (let i = start + 1; i < ordered.length && ordered[i]!.depth > ordered[start]!.depth; i++) ids.add(ordered[i]!.id);
  return ids;
}

/** Options for a per-goal map: every item drawn, however many. */
export const PER_GOAL_MAP: MapOptions = { maxItemNodes: Number.POSITIVE_INFINITY };

/**
 * Items per page of a per-goal map: a top goal with thousands of items still shows every one,
 * over several pages, each small enough to load and read (under 200 KB of HTML).
 */
export const PER_GOAL_PAGE_ITEMS = 80;

/**
 * A top goal's map split into pages of at most `PER_GOAL_PAGE_ITEMS` items, each page with the
 * whole goal tree below `top`. Items come in map order (by the first goal they move, then title),
 * so each page covers its own stretch of the tree. Always at least one page.
 */
export function goalMapPages(input: MapInput, top: string): MapInput[] {
  const whole = goalMapInput(input, top);
  const rank = new Map(orderGoals(whole.goals).map((goal, index) => [goal.id, index]));
  const first = (item: MapInput['items'][number]) => Math.min(...item.data.goals.flatMap((link) => rank.get(link.goal) ?? []));
  const items = [...whole.items].sort((a, b) => first(a) - first(b) || byTitle(a, b));
  const pages: MapInput[] = [];
  for (let start = 0; start === 0 || start < items.length; start += PER_GOAL_PAGE_ITEMS)
    pages.push({ ...whole, items: items.slice(start, start + PER_GOAL_PAGE_ITEMS) });
  return pages;
}
