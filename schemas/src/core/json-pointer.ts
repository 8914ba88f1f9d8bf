/**
 * JSON pointers (RFC 6901) over plain JSON data, hardened against prototype pollution:
 * `__proto__`, `constructor` and `prototype` segments are never followed or written.
 */

const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a pointer segment could reach or change an object's prototype. */
export function isForbiddenSegment(segment: string): boolean {
  return FORBIDDEN_SEGMENTS.has(segment);
}

/**
 * Splits a JSON pointer into unescaped segments. `''` is the root (no segments).
 *
 * @throws TypeError when the pointer is neither `''` nor starts with `/`
 * @example
 * parsePointer('/a~1b/c'); // ['a/b', 'c']
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer[0] !== '/') throw new TypeError(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map(unescapeSegment);
}

/** Escapes one segment for use in a JSON pointer (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Reads one escaped pointer segment back (`~1` → `/`, then `~0` → `~`, in that order so `~01`
 * stays `~1`).
 */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Whether `pointer` is `ancestor` or lies below it. */
export function isAtOrUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * Reads the value at `pointer`, following own properties only; `undefined` when absent or
 * when a segment is forbidden.
 */
export function getAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of parsePointer(pointer)) {
    if (isForbiddenSegment(segment) || !isContainer(current) || !hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Copy-on-write edits of a JSON value: containers along an edited path are shallow-copied the
 * first time they are touched, so the caller's input is never mutated and untouched subtrees
 * are shared (cheap for large forms, no recursion into deeply nested input).
 */
export class CopyOnWrite {
  private readonly owned = new WeakSet<object>();
  readonly root: Record<string, unknown>;

  constructor(input: Record<string, unknown>) {
    this.root = { ...input };
    this.owned.add(this.root);
  }

  private own(parent: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
    const child = parent[key];
    if (!isContainer(child)) return undefined;
    if (this.owned.has(child)) return child as Record<string, unknown>;
    const copy = (Array.isArray(child) ? [...child] : { ...child }) as Record<string, unknown>;
    this.owned.add(copy);
    parent[key] = copy;
    return copy;
  }

  /**
   * Sets the value at `pointer`, creating missing intermediate objects. Returns `false` (and
   * changes nothing) when the pointer is the root, has a forbidden segment, or crosses a
   * non-container value.
   */
  set(pointer: string, value: unknown): boolean {
    const segments = parsePointer(pointer);
    if (segments.length === 0 || segments.some(isForbiddenSegment)) return false;
    let current = this.root;
    for (const segment of segments.slice(0, -1)) {
      if (!hasOwn(current, segment) || current[segment] === undefined) {
        const created: Record<string, unknown> = {};
        this.owned.add(created);
        defineValue(current, segment, created);
        current = created;
        continue;
      }
      const next = this.own(current, segment);
      if (next === undefined) return false;
      current = next;
    }
    defineValue(current, segments[segments.length - 1], value);
    return true;
  }

  /** Removes the value at `pointer`; returns whether something was removed. */
  remove(pointer: string): boolean {
    const segments = parsePointer(pointer);
    if (segments.length === 0 || segments.some(isForbiddenSegment)) return false;
    if (getAt(this.root, pointer) === undefined) return false;
    let current = this.root;
    for (const segment of segments.slice(0, -1)) {
      const next = this.own(current, segment);
      if (next === undefined) return false;
      current = next;
    }
    const last = segments[segments.length - 1];
    if (Array.isArray(current)) {
      // Removing an array item would shift its siblings' pointers; leave a hole-free null instead.
      current[Number(last)] = null;
    } else {
      delete current[last];
    }
    return true;
  }
}

/** Plain assignment, but as an own data property even for odd keys. */
function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
