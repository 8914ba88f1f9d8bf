// Operations whose later arguments run with each array element as the data, so their `var`s name
// the element's fields, not the form's. Only their first argument refers to the form data.
const scopedOperations = new Set(['map', 'filter', 'all', 'none', 'some', 'reduce']);

/**
 * Lists the variable paths a JSON Logic rule reads from its data (`{"var": "a.b"}` or
 * `{"var": ["a.b", default]}`), in order of appearance, without duplicates. Vars inside the
 * per-element arguments of `map`/`filter`/`all`/`none`/`some`/`reduce` are skipped, and so are
 * `{"var": ""}` (the whole data) and computed paths.
 *
 * @example jsonLogicVars({ '==': [{ var: 'project.hasBasement' }, true] }) // → ['project.hasBasement']
 */
export function jsonLogicVars(rule: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return; // not an operation: a literal object
    const op = keys[0];
    const args = (node as Record<string, unknown>)[op];
    if (op === 'var') {
      const path = Array.isArray(args) ? args[0] : args;
      if (typeof path === 'string' && path !== '') found.add(path);
      else if (typeof path === 'number') found.add(String(path));
      else if (Array.isArray(args)) args.slice(1).forEach(walk);
      return;
    }
    if (scopedOperations.has(op)) {
      walk(Array.isArray(args) ? args[0] : args);
      if (op === 'reduce' && Array.isArray(args)) walk(args[2]);
      return;
    }
    walk(args);
  };
  walk(rule);
  return [...found];
}
