/**
 * The flow as a graph to draw: one node per step, and for a parallel step its fork (the step
 * itself), one node per branch and a join; one edge per transition, branch, join exit and reject
 * exit. Every node and edge carries the JSON pointer of the part of the flow it shows, so a check
 * problem (`/flow/steps/2/transitions/0/when`) lands on the edge or node it is about. Laid out top
 * to bottom with dagre.
 */
import dagre from '@dagrejs/dagre';
import type { FieldError, FlowDefinition, FlowStep } from '@banshi/schemas';

export type GraphNodeKind = 'start' | FlowStep['kind'] | 'branch' | 'join';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** The pointer of what it shows (`/flow/steps/3`, `/flow/steps/1/branches/0`, `/flow/start`). */
  pointer: string;
  stepIndex?: number;
  branchIndex?: number;
  width: number;
  height: number;
}

export type GraphEdgeKind = 'start' | 'transition' | 'fork' | 'toJoin' | 'next' | 'onReject';

export interface GraphEdge {
  id: string;
  kind: GraphEdgeKind;
  source: string;
  target: string;
  pointer: string;
  stepIndex?: number;
  /** The transition's index (kind `transition`) or the branch's (kinds `fork`, `toJoin`). */
  index?: number;
}

export interface FlowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const START_NODE = 'start';
export const stepNodeId = (index: number) => `s${index}`;
export const branchNodeId = (step: number, branch: number) => `s${step}-b${branch}`;
export const joinNodeId = (step: number) => `s${step}-join`;

const SIZE: Record<GraphNodeKind, [number, number]> = {
  start: [88, 40],
  task: [230, 118],
  parallel: [230, 84],
  decision: [210, 84],
  end: [190, 74],
  branch: [210, 104],
  join: [190, 44],
};

/** Builds the graph of `flow`; links to unknown step ids are left out (the check reports them). */
export function flowGraph(flow: FlowDefinition): FlowGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const node = (id: string, kind: GraphNodeKind, pointer: string, extra: Partial<GraphNode> = {}) =>
    nodes.push({ id, kind, pointer, width: SIZE[kind][0], height: SIZE[kind][1], ...extra });
  const indexOf = new Map<string, number>();
  flow.steps.forEach((s, i) => {
    if (!indexOf.has(s.id)) indexOf.set(s.id, i);
  });
  const target = (id: string | undefined) => (id !== undefined && indexOf.has(id) ? stepNodeId(indexOf.get(id)!) : undefined);

  node(START_NODE, 'start', '/flow/start');
  const start = target(flow.start);
  if (start) edges.push({ id: 'e-start', kind: 'start', source: START_NODE, target: start, pointer: '/flow/start' });

  flow.steps.forEach((step, i) => {
    const at = `/flow/steps/${i}`;
    node(stepNodeId(i), step.kind, at, { stepIndex: i });
    (step.transitions ?? []).forEach((t, j) => {
      const to = target(t.to);
      if (to) edges.push({ id: `e-s${i}-t${j}`, kind: 'transition', source: stepNodeId(i), target: to, pointer: `${at}/transitions/${j}`, stepIndex: i, index: j });
    });
    if (step.kind !== 'parallel') return;
    const branches = step.branches ?? [];
    node(joinNodeId(i), 'join', at, { stepIndex: i });
    branches.forEach((_, k) => {
      const id = branchNodeId(i, k);
      node(id, 'branch', `${at}/branches/${k}`, { stepIndex: i, branchIndex: k });
      edges.push({ id: `e-s${i}-fork${k}`, kind: 'fork', source: stepNodeId(i), target: id, pointer: `${at}/branches/${k}/when`, stepIndex: i, index: k });
      edges.push({ id: `e-s${i}-joinin${k}`, kind: 'toJoin', source: id, target: joinNodeId(i), pointer: `${at}/branches/${k}`, stepIndex: i, index: k });
    });
    const next = target(step.next);
    if (next) edges.push({ id: `e-s${i}-next`, kind: 'next', source: joinNodeId(i), target: next, pointer: `${at}/next`, stepIndex: i });
    const onReject = target(step.onReject);
    if (onReject) edges.push({ id: `e-s${i}-reject`, kind: 'onReject', source: joinNodeId(i), target: onReject, pointer: `${at}/onReject`, stepIndex: i });
  });
  return { nodes, edges };
}

const isAtOrUnder = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

/** Where a problem is drawn: the edge or node whose pointer is the longest prefix of the problem's. */
export function problemTarget(graph: FlowGraph, pointer: string): { edge?: string; node?: string } {
  let best: { edge?: string; node?: string; length: number } = { length: -1 };
  for (const e of graph.edges) {
    // A branch's condition problem belongs to the branch node; the fork edge shows it too.
    if (e.kind === 'toJoin') continue;
    if (isAtOrUnder(pointer, e.pointer) && e.pointer.length > best.length) best = { edge: e.id, length: e.pointer.length };
  }
  for (const n of graph.nodes) {
    if (n.kind === 'join') continue;
    if (isAtOrUnder(pointer, n.pointer) && n.pointer.length > best.length) best = { node: n.id, length: n.pointer.length };
  }
  // A transition whose target is unknown has no edge: its problem falls to its step's node.
  if (best.length < 0) return {};
  return best.edge ? { edge: best.edge } : { node: best.node };
}

/** Problems grouped by the node or edge they are drawn on; the rest concern the flow as a whole. */
export function problemsByElement(graph: FlowGraph, problems: readonly FieldError[]) {
  const nodes = new Map<string, FieldError[]>();
  const edges = new Map<string, FieldError[]>();
  const flow: FieldError[] = [];
  for (const p of problems) {
    const at = problemTarget(graph, p.pointer);
    const [map, key] = at.edge ? [edges, at.edge] : at.node ? [nodes, at.node] : [undefined, ''];
    if (!map) flow.push(p);
    else map.set(key, [...(map.get(key) ?? []), p]);
  }
  // A branch condition's problem shows on the fork edge into the branch and on the branch itself.
  for (const e of graph.edges) {
    const onEdge = e.kind === 'fork' ? edges.get(e.id) : undefined;
    if (onEdge) nodes.set(e.target, [...(nodes.get(e.target) ?? []), ...onEdge]);
  }
  return { nodes, edges, flow };
}

/** The step index a pointer under `/flow/steps/N` names, if any. */
export function stepIndexOf(pointer: string): number | undefined {
  const match = /^\/flow\/steps\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : undefined;
}

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  /** Top-left corner of each node. */
  nodes: Map<string, Point>;
  /** Each edge's route (bends between the two nodes) and the centre of its label. */
  edges: Map<string, { points: Point[]; label?: Point }>;
}

/**
 * Lays the graph out top to bottom. Edge labels take part in the layout, so two transitions
 * between the same steps (one with a condition, one without) get their own routes and labels.
 */
export function layoutGraph(graph: FlowGraph, labelSize: (edgeId: string) => { width: number; height: number } | undefined = () => undefined): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 32, ranksep: 40, edgesep: 14, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of graph.edges) {
    const size = labelSize(e.id);
    g.setEdge(e.source, e.target, { weight: e.kind === 'onReject' ? 1 : 2, minlen: 1, ...(size && size.width > 0 ? { ...size, labelpos: 'c' } : {}) }, e.id);
  }
  dagre.layout(g);
  const nodes = new Map<string, Point>();
  for (const n of graph.nodes) {
    const laid = g.node(n.id);
    nodes.set(n.id, { x: (laid?.x ?? 0) - n.width / 2, y: (laid?.y ?? 0) - n.height / 2 });
  }
  const edges = new Map<string, { points: Point[]; label?: Point }>();
  for (const e of graph.edges) {
    const laid = g.edge({ v: e.source, w: e.target, name: e.id }) as { points?: Point[]; x?: number; y?: number } | undefined;
    if (!laid) continue;
    edges.set(e.id, { points: laid.points ?? [], ...(laid.x !== undefined && laid.y !== undefined ? { label: { x: laid.x, y: laid.y } } : {}) });
  }
  return { nodes, edges };
}
