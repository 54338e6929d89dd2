import type { Accomplishment, Goal, KeyResult } from '../schema/index.ts';
import type { Formatting } from './format.ts';
import { STATUS_LABELS, OUTCOME_LABELS } from './labels.ts';
import { curve, elbow, fitLabel } from './map-geometry.ts';
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
}

export interface MapOptions {
  /** Above this many items, each goal and key result gets one "N items" node instead. Default 120. */
  maxItemNodes?: number;
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
  /** The text drawn: the title, cut with an ellipsis to fit. */
  label: string;
  /** The full text: tooltip and the link's accessible name; it begins with the uncut title. */
  title: string;
  /** Absent on group headings and on totals with no page to go to. */
  href?: string;
  /** Depth in the goal tree (goals only; 0 elsewhere). */
  depth: number;
  outcome?: Outcome;
  /** How many items an aggregate node stands for. */
  count?: number;
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
type NodeSpec = Omit<MapNode, 'label' | 'labelX' | 'depth' | 'column' | 'x' | 'width' | 'height'> & { depth?: number };

/** Positions goals, key results and items for one SVG picture. Pure: same input, same layout. */
export function layoutMap(input: MapInput, options: MapOptions = {}): MapLayout {
  const aggregated = input.items.length > (options.maxItemNodes ?? DEFAULT_MAX_ITEM_NODES);
  const goals = orderGoals(input.goals);
  const map = new MapBuilder(input, attachItems(goals, input.items), aggregated);
  // Each goal gets a band as tall as its own key results and items, so edges run mostly level.
  let y = PAD + HEADER;
  for (const goal of goals) y = map.goalBand(goal, y) + BAND_GAP;
  y = map.group('hidden', 'Goals not shown in this build', map.attached.hidden, y);
  map.group('unplanned', 'Unplanned work', map.attached.unplanned, y, input.href.unplanned);
  return map.finish(goals);
}

class MapBuilder {
  readonly input: MapInput;
  readonly attached: Attachments;
  readonly aggregated: boolean;
  readonly columns = makeColumns();
  readonly nodes: MapNode[] = [];
  readonly byKey = new Map<string, MapNode>();
  readonly links: [from: string, to: string][] = [];

  constructor(input: MapInput, attached: Attachments, aggregated: boolean) {
    this.input = input;
    this.attached = attached;
    this.aggregated = aggregated;
  }

  /** The goal, the items on the goal itself, then each key result beside its items; returns the band's bottom. */
  goalBand(goal: OrderedGoal, top: number): number {
    const indent = Math.min(goal.depth, MAX_INDENT_DEPTH) * INDENT;
    const key = goalKey(goal.id);
    const href = this.input.href.goal(goal.id);
    const title = `${goal.data.title} (goal, ${STATUS_LABELS[goal.data.status].toLowerCase()})`;
    this.add(0, { key, kind: 'goal', y: top, depth: goal.depth, href, title }, goal.data.title, indent);
    // Items on the goal itself come first, level with it, so their curves cross an empty key-result column.
    let bottom = this.items(key, top, goal.data.title, `${href}#items`);
    let next = bottom === top ? top : bottom + KR_GAP;
    for (const kr of goal.data.key_results) {
      const krNode = krKey(goal.id, kr.id);
      const krHref = `${href}#kr-${kr.id}`;
      this.add(1, { key: krNode, kind: 'key-result', y: next, href: krHref, title: krTitle(kr, this.input.format) }, kr.title);
      this.links.push([key, krNode]);
      bottom = Math.max(next + NODE_H, this.items(krNode, next, kr.title, krHref));
      next = bottom + KR_GAP;
    }
    return Math.max(top + NODE_H, bottom);
  }

  /** The items placed beside `target`, or one total when aggregated; returns their bottom (`top` if none). */
  items(target: string, top: number, targetTitle: string, href: string): number {
    if (this.aggregated) {
      const count = this.attached.linked.get(target) ?? 0;
      if (count === 0) return top;
      const key = `agg:${target}`;
      const label = this.itemCount(count);
      this.add(2, { key, kind: 'aggregate', y: top, count, href, title: `${label} linked to ${targetTitle}` }, label);
      this.links.push([target, key]);
      return top + NODE_H;
    }
    let y = top - ROW_GAP;
    for (const item of this.attached.placed.get(target) ?? []) {
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
    this.add(2, { key: `group:${name}`, kind: 'group', y: top, title: heading }, heading);
    let y = top + NODE_H;
    if (this.aggregated) {
      const title = `${this.itemCount(items.length)}: ${heading.toLowerCase()}`;
      const node: NodeSpec = { key: `agg:group:${name}`, kind: 'aggregate', y: y + ROW_GAP, count: items.length, title };
      this.add(2, href === undefined ? node : { ...node, href }, this.itemCount(items.length));
      return y + ROW_GAP + NODE_H + BAND_GAP;
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
    this.add(2, node, title);
    return y + NODE_H;
  }

  private add(column: 0 | 1 | 2, spec: NodeSpec, text: string, indent = 0): void {
    const { x, width } = this.columns[column];
    const inset = spec.kind === 'item' ? MARK_INSET : TEXT_INSET;
    const box = { column, x: x + indent, width: width - indent, height: NODE_H };
    const label = fitLabel(text, box.width - inset - TEXT_INSET, FONT);
    const node: MapNode = { depth: 0, ...spec, ...box, label, labelX: box.x + inset };
    this.nodes.push(node);
    this.byKey.set(node.key, node);
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
