/**
 * A short human reading of a JSON Logic condition for an edge label: `年龄 ≥ 60 且 户籍 = hukou`.
 * Variables show as the form's field labels where known; anything unusual falls back to compact JSON.
 */
const OPERATORS: Record<string, string> = { '==': '=', '===': '=', '!=': '≠', '!==': '≠', '>': '>', '>=': '≥', '<': '<', '<=': '≤', in: '∈' };

export function ruleSummary(rule: unknown, labels: ReadonlyMap<string, string>, words: { and: string; or: string; not: string }, max = 48): string {
  const text = describe(rule, labels, words, 0);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describe(rule: unknown, labels: ReadonlyMap<string, string>, words: { and: string; or: string; not: string }, depth: number): string {
  if (rule === null || typeof rule !== 'object') return JSON.stringify(rule) ?? String(rule);
  if (Array.isArray(rule)) return `[${rule.map((r) => describe(r, labels, words, depth + 1)).join(', ')}]`;
  const entries = Object.entries(rule as Record<string, unknown>);
  if (entries.length !== 1) return JSON.stringify(rule);
  const [op, raw] = entries[0];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    const path = String(args[0] ?? '');
    return labels.get(path) ?? path;
  }
  if (op === '!' || op === 'not') return `${words.not} ${describe(args[0], labels, words, depth + 1)}`;
  if (op === '!!') return describe(args[0], labels, words, depth + 1);
  if (op === 'and' || op === 'or') {
    const joined = args.map((a) => describe(a, labels, words, depth + 1)).join(` ${op === 'and' ? words.and : words.or} `);
    return depth > 0 ? `(${joined})` : joined;
  }
  if (OPERATORS[op] && args.length === 2) return `${describe(args[0], labels, words, depth + 1)} ${OPERATORS[op]} ${describe(args[1], labels, words, depth + 1)}`;
  if ((op === '<' || op === '<=') && args.length === 3) {
    return `${describe(args[0], labels, words, depth + 1)} ${OPERATORS[op]} ${describe(args[1], labels, words, depth + 1)} ${OPERATORS[op]} ${describe(args[2], labels, words, depth + 1)}`;
  }
  return JSON.stringify(rule);
}
