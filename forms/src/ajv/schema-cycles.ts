/**
 * Finds reference cycles that never read any data: a `$ref` or `$dynamicRef` chain (through
 * `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`) that comes back to
 * where it started while still looking at the same value. ajv compiles some of them and then
 * recurses without end on the first validation (a stack overflow); others overflow the stack at
 * compile time. A cycle that passes through `properties`, `items` and the like is fine: each turn
 * goes one level deeper into the data, and the data's depth is limited.
 */
import { escapeSegment, unescapeSegment } from '@banshi/schemas/core';

type SchemaNode = Record<string, unknown>;

/** Keywords whose subschemas apply to the same value (in place). */
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;
const IN_PLACE_LIST = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_MAP = ['dependentSchemas'] as const;
/** Keywords whose subschemas apply to parts of the value (they go deeper into the data). */
const DESCENDING_ONE = ['additionalProperties', 'items', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'] as const;
const DESCENDING_LIST = ['prefixItems'] as const;
const DESCENDING_MAP = ['properties', 'patternProperties', '$defs', 'definitions'] as const;

const ROOT_BASE = 'urn:banshi:form-schema';

const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveUri(ref: string, base: string): { uri: string; fragment: string } | undefined {
  try {
    const url = new URL(ref, base);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    return { uri: url.href, fragment };
  } catch {
    return undefined; // not resolvable: ajv reports it when it compiles
  }
}

interface Indexed {
  pointer: string;
  base: string;
}

/** Every subschema of `root` with its pointer and base URI, the resources by URI and the anchors. */
function indexSchema(root: SchemaNode) {
  const nodes = new Map<SchemaNode, Indexed>();
  const resources = new Map<string, SchemaNode>();
  const anchors = new Map<string, SchemaNode>();
  const dynamicAnchors = new Map<string, SchemaNode[]>();
  const stack: { node: unknown; pointer: string; base: string }[] = [{ node: root, pointer: '', base: ROOT_BASE }];
  while (stack.length > 0) {
    const { node, pointer, base: parentBase } = stack.pop()!;
    if (!isNode(node) || nodes.has(node)) continue;
    let base = parentBase;
    if (typeof node.$id === 'string') base = resolveUri(node.$id, parentBase)?.uri ?? parentBase;
    nodes.set(node, { pointer, base });
    if (!resources.has(base)) resources.set(base, node);
    if (typeof node.$anchor === 'string') anchors.set(`${base}#${node.$anchor}`, node);
    if (typeof node.$dynamicAnchor === 'string') {
      anchors.set(`${base}#${node.$dynamicAnchor}`, node);
      dynamicAnchors.set(node.$dynamicAnchor, [...(dynamicAnchors.get(node.$dynamicAnchor) ?? []), node]);
    }
    const push = (child: unknown, at: string) => stack.push({ node: child, pointer: at, base });
    for (const key of [...IN_PLACE_ONE, ...DESCENDING_ONE]) push(node[key], `${pointer}/${key}`);
    for (const key of [...IN_PLACE_LIST, ...DESCENDING_LIST]) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((child, i) => push(child, `${pointer}/${key}/${i}`));
    }
    for (const key of [...IN_PLACE_MAP, ...DESCENDING_MAP]) {
      const map = node[key];
      if (isNode(map)) for (const [name, child] of Object.entries(map)) push(child, `${pointer}/${key}/${escapeSegment(name)}`);
    }
  }
  return { nodes, resources, anchors, dynamicAnchors };
}

function atPointer(resource: SchemaNode, fragment: string): SchemaNode | undefined {
  let node: unknown = resource;
  for (const raw of fragment.split('/').slice(1)) {
    const segment = unescapeSegment(raw);
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isNode(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return isNode(node) ? node : undefined;
}

/**
 * The JSON pointer (within `schema`) of a subschema that takes part in a reference cycle that
 * never reads any data, or null when there is none. Iterative: any schema is checked without
 * touching the call stack.
 *
 * @example findInPlaceCycle({ $defs: { a: { $ref: '#/$defs/a' } }, properties: { x: { $ref: '#/$defs/a' } } }) // '/$defs/a'
 * @example findInPlaceCycle({ properties: { child: { $ref: '#' } } }) // null (each turn reads a child)
 */
export function findInPlaceCycle(schema: unknown): string | null {
  if (!isNode(schema)) return null;
  const { nodes, resources, anchors, dynamicAnchors } = indexSchema(schema);

  const resolve = (ref: unknown, base: string): SchemaNode[] => {
    if (typeof ref !== 'string') return [];
    const target = resolveUri(ref, base);
    if (!target) return [];
    const resource = resources.get(target.uri);
    if (target.fragment === '') return resource ? [resource] : [];
    if (target.fragment.startsWith('/')) {
      const found = resource && atPointer(resource, target.fragment);
      return found ? [found] : [];
    }
    const anchored = anchors.get(`${target.uri}#${target.fragment}`);
    return anchored ? [anchored] : [];
  };

  const edges = (node: SchemaNode): SchemaNode[] => {
    const { base } = nodes.get(node)!;
    const out: SchemaNode[] = [];
    for (const key of IN_PLACE_ONE) if (isNode(node[key])) out.push(node[key] as SchemaNode);
    for (const key of IN_PLACE_LIST) {
      const list = node[key];
      if (Array.isArray(list)) out.push(...list.filter(isNode));
    }
    for (const key of IN_PLACE_MAP) if (isNode(node[key])) out.push(...Object.values(node[key] as SchemaNode).filter(isNode));
    out.push(...resolve(node.$ref, base));
    out.push(...resolve(node.$dynamicRef, base));
    // A dynamic reference may land on any schema that declares the same dynamic anchor.
    if (typeof node.$dynamicRef === 'string') {
      const name = resolveUri(node.$dynamicRef, base)?.fragment ?? '';
      out.push(...(dynamicAnchors.get(name) ?? []));
    }
    return out.filter((target) => nodes.has(target));
  };

  // Depth-first search with colours, on an explicit stack.
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map<SchemaNode, number>();
  for (const start of nodes.keys()) {
    if ((colour.get(start) ?? WHITE) !== WHITE) continue;
    const stack: { node: SchemaNode; next: SchemaNode[] }[] = [{ node: start, next: edges(start) }];
    colour.set(start, GREY);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const child = top.next.pop();
      if (child === undefined) {
        colour.set(top.node, BLACK);
        stack.pop();
        continue;
      }
      const state = colour.get(child) ?? WHITE;
      if (state === GREY) return nodes.get(child)!.pointer;
      if (state === WHITE) {
        colour.set(child, GREY);
        stack.push({ node: child, next: edges(child) });
      }
    }
  }
  return null;
}
