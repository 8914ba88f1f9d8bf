import { describe, expect, it } from 'vitest';
import { loadBuiltInItems, type FieldError, type FlowDefinition } from '@banshi/schemas';
import { branchNodeId, flowGraph, joinNodeId, layoutGraph, problemsByElement, problemTarget, START_NODE, stepIndexOf, stepNodeId } from './flow-graph.js';

const flowOf = (slug: string) => structuredClone(loadBuiltInItems().find((b) => b.slug === slug)!.flow) as FlowDefinition;
const permit = flowOf('construction-permit-parallel');
const problem = (pointer: string): FieldError => ({ pointer, code: 'x', message: pointer });

describe('the flow as a graph', () => {
  it('draws one node per step plus the start, and one edge per transition', () => {
    const graph = flowGraph(flowOf('senior-card'));

    expect(graph.nodes.map((n) => [n.id, n.kind, n.pointer])).toEqual([
      [START_NODE, 'start', '/flow/start'],
      ['s0', 'task', '/flow/steps/0'],
      ['s1', 'task', '/flow/steps/1'],
      ['s2', 'end', '/flow/steps/2'],
      ['s3', 'end', '/flow/steps/3'],
      ['s4', 'end', '/flow/steps/4'],
    ]);
    expect(graph.edges.map((e) => [e.kind, e.source, e.target, e.pointer])).toEqual([
      ['start', START_NODE, 's0', '/flow/start'],
      ['transition', 's0', 's1', '/flow/steps/0/transitions/0'],
      ['transition', 's0', 's4', '/flow/steps/0/transitions/1'],
      ['transition', 's1', 's2', '/flow/steps/1/transitions/0'],
      ['transition', 's1', 's3', '/flow/steps/1/transitions/1'],
    ]);
  });

  it('draws a parallel step as a fork, one node per branch and a join that leads on and out on rejection', () => {
    const graph = flowGraph(permit);
    const review = permit.steps.findIndex((s) => s.id === 'review');
    const at = `/flow/steps/${review}`;

    expect(graph.nodes.filter((n) => n.stepIndex === review).map((n) => [n.id, n.kind])).toEqual([
      [stepNodeId(review), 'parallel'],
      [joinNodeId(review), 'join'],
      [branchNodeId(review, 0), 'branch'],
      [branchNodeId(review, 1), 'branch'],
      [branchNodeId(review, 2), 'branch'],
    ]);
    const forks = graph.edges.filter((e) => e.kind === 'fork');
    expect(forks.map((e) => [e.source, e.target, e.pointer])).toEqual([0, 1, 2].map((k) => [stepNodeId(review), branchNodeId(review, k), `${at}/branches/${k}/when`]));
    expect(graph.edges.filter((e) => e.kind === 'toJoin').map((e) => e.target)).toEqual([joinNodeId(review), joinNodeId(review), joinNodeId(review)]);
    const complete = permit.steps.findIndex((s) => s.id === 'complete');
    const denied = permit.steps.findIndex((s) => s.id === 'denied');
    expect(graph.edges.find((e) => e.kind === 'next')).toMatchObject({ source: joinNodeId(review), target: stepNodeId(complete), pointer: `${at}/next` });
    expect(graph.edges.find((e) => e.kind === 'onReject')).toMatchObject({ source: joinNodeId(review), target: stepNodeId(denied), pointer: `${at}/onReject` });
  });

  it('leaves out links to unknown steps, and draws the first of two steps sharing an id', () => {
    const flow: FlowDefinition = {
      start: 'nowhere',
      steps: [
        { id: 'a', kind: 'decision', name: { 'zh-CN': 'A' }, transitions: [{ to: 'gone' }, { to: 'b' }] },
        { id: 'b', kind: 'end', name: { 'zh-CN': 'B' }, outcome: 'completed' },
        { id: 'b', kind: 'end', name: { 'zh-CN': 'B2' }, outcome: 'completed' },
      ],
    };
    const graph = flowGraph(flow);

    expect(graph.edges.map((e) => e.id)).toEqual(['e-s0-t1']);
    expect(graph.edges[0]!.target).toBe('s1');
  });

  it('lays parallel branches out side by side between the fork and the join, top to bottom', () => {
    const graph = flowGraph(permit);
    const layout = layoutGraph(graph);
    const review = permit.steps.findIndex((s) => s.id === 'review');
    const y = (id: string) => layout.nodes.get(id)!.y;
    const branches = [0, 1, 2].map((k) => layout.nodes.get(branchNodeId(review, k))!);

    expect(layout.nodes.size).toBe(graph.nodes.length);
    expect(new Set(branches.map((b) => b.y)).size).toBe(1);
    expect(new Set(branches.map((b) => b.x)).size).toBe(3);
    expect(y(stepNodeId(review))).toBeLessThan(branches[0]!.y);
    expect(branches[0]!.y).toBeLessThan(y(joinNodeId(review)));
    expect(y(START_NODE)).toBeLessThan(y(stepNodeId(0)));
    // Nodes do not overlap.
    const boxes = graph.nodes.map((n) => ({ ...layout.nodes.get(n.id)!, w: n.width, h: n.height }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
    expect([...layout.edges.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
    for (const route of layout.edges.values()) expect(route.points.length).toBeGreaterThanOrEqual(2);
  });

  it('gives two transitions between the same steps their own labelled routes', () => {
    const flow: FlowDefinition = {
      start: 'd',
      steps: [
        { id: 'd', kind: 'decision', name: { 'zh-CN': 'D' }, transitions: [{ to: 'e', when: { '==': [1, 1] } }, { to: 'e' }] },
        { id: 'e', kind: 'end', name: { 'zh-CN': 'E' }, outcome: 'completed' },
      ],
    };
    const graph = flowGraph(flow);
    const layout = layoutGraph(graph, (id) => (id === 'e-s0-t0' ? { width: 80, height: 20 } : undefined));

    expect(layout.edges.get('e-s0-t0')!.label).toBeDefined();
    expect(JSON.stringify(layout.edges.get('e-s0-t0')!.points)).not.toBe(JSON.stringify(layout.edges.get('e-s0-t1')!.points));
  });
});

describe('problems on the graph', () => {
  const graph = flowGraph(permit);
  const review = permit.steps.findIndex((s) => s.id === 'review');

  it('puts a problem on the element whose pointer is its longest prefix', () => {
    expect(problemTarget(graph, '/flow/steps/0/transitions/1/on')).toEqual({ edge: 'e-s0-t1' });
    expect(problemTarget(graph, '/flow/steps/0/role')).toEqual({ node: 's0' });
    expect(problemTarget(graph, `/flow/steps/${review}/branches/2/department`)).toEqual({ node: branchNodeId(review, 2) });
    expect(problemTarget(graph, `/flow/steps/${review}/branches/2/when`)).toEqual({ edge: `e-s${review}-fork2` });
    expect(problemTarget(graph, `/flow/steps/${review}/onReject`)).toEqual({ edge: `e-s${review}-reject` });
    expect(problemTarget(graph, '/flow/start')).toEqual({ edge: 'e-start' });
    expect(problemTarget(graph, '/flow/correction/clock')).toEqual({});
  });

  it('groups problems by element, shows a branch condition’s problem on the branch too, and keeps the rest for the flow', () => {
    const when = problem(`/flow/steps/${review}/branches/1/when/==/0`);
    const role = problem('/flow/steps/0/role');
    const whole = problem('/flow/extension');
    const grouped = problemsByElement(graph, [when, role, whole]);

    expect(grouped.edges.get(`e-s${review}-fork1`)).toEqual([when]);
    expect(grouped.nodes.get(branchNodeId(review, 1))).toEqual([when]);
    expect(grouped.nodes.get('s0')).toEqual([role]);
    expect(grouped.flow).toEqual([whole]);
  });

  it('reads the step index of a pointer', () => {
    expect(stepIndexOf('/flow/steps/12/transitions/0')).toBe(12);
    expect(stepIndexOf('/flow/steps/3')).toBe(3);
    expect(stepIndexOf('/flow/steps/x')).toBeUndefined();
    expect(stepIndexOf('/flow/start')).toBeUndefined();
  });
});
