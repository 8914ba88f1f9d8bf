/**
 * The flow drawn with React Flow: nodes coloured by kind (start, task, parallel fork with its
 * branches and join, decision, end), edges labelled with the action and a short condition, and
 * every problem of the check drawn on the node or edge it is about (red border, badge, message).
 * Positions come from the automatic layout; dragging from a node's bottom handle to another step
 * adds a transition.
 */
import {
  BaseEdge,
  EdgeLabelRenderer,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  Controls,
  Background,
  getBezierPath,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeProps,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo } from 'react';
import type { FieldError } from '@banshi/schemas';
import type { GraphEdgeKind, GraphNodeKind } from './flow-graph.js';

export interface DiagramNodeData extends Record<string, unknown> {
  kind: GraphNodeKind;
  title: string;
  /** The kind's name, shown as a tag. */
  tag: string;
  lines: string[];
  /** Effects and other short facts. */
  chips: string[];
  /** Shown when the step may return the case for correction (a loop back to itself). */
  correction?: string;
  /** What the correction loop means, as a tooltip. */
  correctionHint?: string;
  problems: FieldError[];
  testId: string;
  /** An end step's outcome, which picks its colour. */
  outcome?: string;
  /** Whether a transition may be dragged out of this node. */
  connectable: boolean;
  hasTarget: boolean;
  hasSource: boolean;
}

export interface DiagramEdgeData extends Record<string, unknown> {
  kind: GraphEdgeKind;
  label: string;
  condition?: string;
  problems: FieldError[];
  testId: string;
  /** The route the layout found: bends between the nodes and the label's centre. */
  route?: { points: { x: number; y: number }[]; label?: { x: number; y: number } };
  /** Selects what the edge shows (its label is drawn outside the edge's own click area). */
  select(): void;
}

export type DiagramNode = Node<DiagramNodeData, 'step'>;
export type DiagramEdge = Edge<DiagramEdgeData, 'flow'>;

const RED = '#cf1322';

/** Fill, border and text colours of each kind (text on fill ≥ 4.5:1). */
export const KIND_COLOURS: Record<GraphNodeKind, { fill: string; border: string; text: string }> = {
  start: { fill: '#262626', border: '#262626', text: '#ffffff' },
  task: { fill: '#e6f4ff', border: '#1677ff', text: '#002c8c' },
  parallel: { fill: '#f9f0ff', border: '#722ed1', text: '#391085' },
  branch: { fill: '#fcf7ff', border: '#9254de', text: '#391085' },
  join: { fill: '#722ed1', border: '#531dab', text: '#ffffff' },
  decision: { fill: '#fff7e6', border: '#d46b08', text: '#873800' },
  end: { fill: '#f6ffed', border: '#389e0d', text: '#135200' },
};
const END_DENIED = { fill: '#fff1f0', border: '#a8071a', text: '#820014' };

const EDGE_COLOURS: Record<GraphEdgeKind, string> = {
  start: '#262626',
  transition: '#595959',
  fork: '#722ed1',
  toJoin: '#722ed1',
  next: '#531dab',
  onReject: '#a8071a',
};

function StepNode({ data, selected }: NodeProps<DiagramNode>) {
  const colours = data.kind === 'end' && data.outcome && data.outcome !== 'completed' ? END_DENIED : KIND_COLOURS[data.kind];
  const problem = data.problems.length > 0;
  const round = data.kind === 'start' || data.kind === 'join';
  const messages = data.problems.map((p) => p.message);
  return (
    <div
      data-testid={data.testId}
      data-kind={data.kind}
      data-problems={data.problems.length}
      title={problem ? messages.join('\n') : undefined}
      style={{
        width: '100%',
        minHeight: '100%',
        boxSizing: 'border-box',
        background: colours.fill,
        color: colours.text,
        border: `${problem ? 3 : data.kind === 'end' ? 3 : 2}px ${data.kind === 'end' && !problem ? 'double' : 'solid'} ${problem ? RED : colours.border}`,
        borderRadius: round ? 999 : data.kind === 'decision' ? 18 : 8,
        padding: round ? '4px 12px' : '6px 10px',
        boxShadow: selected ? '0 0 0 3px #91caff' : problem ? '0 0 0 3px #ffccc7' : undefined,
        fontSize: 12,
        lineHeight: 1.35,
        textAlign: round ? 'center' : 'left',
        display: round ? 'flex' : 'block',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {data.hasTarget && <Handle type="target" position={Position.Top} isConnectableStart={false} style={{ background: colours.border }} />}
      {round ? (
        <strong>{data.title}</strong>
      ) : (
        <>
          <div style={{ display: 'flex', gap: 6, alignItems: 'baseline', justifyContent: 'space-between' }}>
            <strong style={{ fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{data.title}</strong>
            <span style={{ flex: 'none', border: `1px solid ${colours.border}`, borderRadius: 4, padding: '0 4px', fontSize: 11, background: '#fff' }}>{data.tag}</span>
          </div>
          {data.lines.map((line, i) => (
            <div key={i} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{line}</div>
          ))}
          {data.chips.length > 0 && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 3, marginTop: 2 }}>
              {data.chips.map((chip, i) => (
                <span key={i} style={{ background: '#fff', border: '1px solid #d9d9d9', borderRadius: 4, padding: '0 3px', fontSize: 11, color: '#434343' }}>{chip}</span>
              ))}
            </div>
          )}
          {data.correction && (
            <div style={{ fontSize: 11, color: '#874d00', marginTop: 2 }} title={data.correctionHint} data-testid={`${data.testId}-correction`}>
              {data.correction}
            </div>
          )}
        </>
      )}
      {problem && <ProblemBadge messages={messages} testId={`${data.testId}-problems`} />}
      {data.hasSource && (
        <Handle
          type="source"
          position={Position.Bottom}
          isConnectable={data.connectable}
          style={{ background: colours.border, width: data.connectable ? 12 : 6, height: data.connectable ? 12 : 6 }}
        />
      )}
    </div>
  );
}

function ProblemBadge({ messages, testId }: { messages: string[]; testId: string }) {
  return (
    <div
      role="note"
      data-testid={testId}
      style={{ marginTop: 4, background: '#fff1f0', border: `1px solid ${RED}`, borderRadius: 4, padding: '1px 4px', color: '#a8071a', fontSize: 11, whiteSpace: 'normal', textAlign: 'left' }}
    >
      {messages.map((m, i) => (
        <div key={i}>⚠ {m}</div>
      ))}
    </div>
  );
}

function FlowEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, selected }: EdgeProps<DiagramEdge>) {
  const [bezier, bezierX, bezierY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const bends = data?.route?.points.slice(1, -1) ?? [];
  const path = bends.length > 0 ? smoothPath([{ x: sourceX, y: sourceY }, ...bends, { x: targetX, y: targetY }]) : bezier;
  const labelX = data?.route?.label?.x ?? bezierX;
  const labelY = data?.route?.label?.y ?? bezierY;
  const problem = (data?.problems.length ?? 0) > 0;
  const colour = problem ? RED : EDGE_COLOURS[data?.kind ?? 'transition'];
  const text = [data?.label, data?.condition].filter(Boolean);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke: colour, strokeWidth: problem || selected ? 3 : 1.6, strokeDasharray: data?.kind === 'onReject' ? '6 4' : undefined }}
      />
      {(text.length > 0 || problem) && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            data-testid={data?.testId}
            data-problems={data?.problems.length ?? 0}
            title={problem ? data!.problems.map((p) => p.message).join('\n') : undefined}
            style={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              pointerEvents: 'all',
              background: problem ? '#fff1f0' : '#ffffff',
              border: `1px solid ${problem ? RED : '#d9d9d9'}`,
              borderWidth: problem ? 2 : 1,
              borderRadius: 4,
              padding: '1px 5px',
              fontSize: 11,
              color: problem ? '#a8071a' : '#262626',
              maxWidth: 220,
              boxShadow: selected ? '0 0 0 2px #91caff' : undefined,
              cursor: 'pointer',
            }}
            onClick={() => data?.select()}
          >
            {text.map((line, i) => (
              <div key={i} style={{ fontWeight: i === 0 && data?.label ? 600 : 400, overflowWrap: 'anywhere' }}>{line}</div>
            ))}
            {problem && data!.problems.map((p, i) => <div key={`p${i}`} role="note">⚠ {p.message}</div>)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** A smooth path through the layout's points: straight ends, rounded bends. */
function smoothPath(points: { x: number; y: number }[]): string {
  let d = `M ${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = points[i + 1];
    const end = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    d += ` Q ${p.x},${p.y} ${end.x},${end.y}`;
  }
  if (points.length === 2) d += ` L ${points[1].x},${points[1].y}`;
  return d;
}

const nodeTypes = { step: StepNode };
const edgeTypes = { flow: FlowEdge };

export interface FlowDiagramProps {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  ariaLabel: string;
  /** Changes when the set of nodes changes, to fit the view again. */
  fitKey: string;
  height: number | string;
  ariaLabels?: Record<string, string>;
  onSelectNode(id: string): void;
  onSelectEdge(id: string): void;
  onConnect(source: string, target: string): void;
  isValidTarget(source: string, target: string): boolean;
  /** The nodes' rendered heights, once measured, so the layout can leave each the room it takes. */
  onMeasured(heights: Record<string, number>): void;
}

function FitOnChange({ fitKey }: { fitKey: string }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [fitKey, fitView]);
  return null;
}

export function FlowDiagram(props: FlowDiagramProps) {
  const { nodes, edges, onSelectNode, onSelectEdge, onConnect, isValidTarget, onMeasured } = props;
  const styledEdges = useMemo(
    () => edges.map((e) => {
      const problem = (e.data?.problems.length ?? 0) > 0;
      return { ...e, markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: problem ? RED : EDGE_COLOURS[e.data?.kind ?? 'transition'] } };
    }),
    [edges],
  );
  return (
    <div style={{ height: props.height, width: '100%', border: '1px solid #d9d9d9', borderRadius: 8, background: '#fafafa' }} data-testid="flow-diagram">
      <ReactFlowProvider>
        <ReactFlow
          aria-label={props.ariaLabel}
          nodes={nodes}
          edges={styledEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable
          elementsSelectable
          fitView
          fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={1.5}
          ariaLabelConfig={props.ariaLabels}
          onNodeClick={(_, node) => onSelectNode(node.id)}
          onEdgeClick={(_, edge) => onSelectEdge(edge.id)}
          onConnect={(c: Connection) => c.source && c.target && onConnect(c.source, c.target)}
          onNodesChange={(changes) => {
            const heights: Record<string, number> = {};
            for (const c of changes) {
              if (c.type === 'dimensions' && c.dimensions) heights[c.id] = c.dimensions.height;
              // Enter or Space on a focused node selects it, as a click does.
              if (c.type === 'select' && c.selected) onSelectNode(c.id);
            }
            if (Object.keys(heights).length > 0) onMeasured(heights);
          }}
          onEdgesChange={(changes) => {
            for (const c of changes) if (c.type === 'select' && c.selected) onSelectEdge(c.id);
          }}
          isValidConnection={(c) => Boolean(c.source && c.target && c.source !== c.target && isValidTarget(c.source, c.target))}
        >
          <Background gap={16} color="#e8e8e8" />
          <Controls showInteractive={false} />
          <FitOnChange fitKey={props.fitKey} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
