// Banshi's package boundaries as an ESLint rule.
//
// Every top-level folder is an npm workspace. An import either stays inside its own package
// (a relative path that does not climb out of the folder) or names another package by its
// `@banshi/*` specifier — and only a package this one may depend on, so the direction
// schemas ← forms ← functions / web ← infra, bench, e2e holds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Which packages each package may import. */
export const ALLOWED = {
  schemas: [],
  forms: ['schemas'],
  functions: ['schemas', 'forms'],
  web: ['schemas', 'forms'],
  infra: ['schemas', 'forms', 'functions'],
  e2e: ['schemas', 'forms', 'functions'],
  bench: ['schemas', 'forms', 'functions', 'infra', 'e2e'],
};

const packageOf = (file) => {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return Object.hasOwn(ALLOWED, top) ? top : undefined;
};

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports stay inside their package or name an allowed @banshi package' },
    messages: {
      climbs: "'{{source}}' climbs out of the {{from}} package into {{to}}; import '@banshi/{{to}}' (through its exports) instead",
      direction: "the {{from}} package may not import '@banshi/{{to}}' (allowed: {{allowed}})",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = packageOf(file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const to = packageOf(path.resolve(path.dirname(file), source));
        const target = path.relative(ROOT, path.resolve(path.dirname(file), source)).split(path.sep)[0];
        if (target !== from) context.report({ node, messageId: 'climbs', data: { source, from, to: to ?? target } });
        return;
      }
      const m = /^@banshi\/([^/]+)/.exec(source);
      if (!m) return;
      const to = m[1];
      if (to !== from && !ALLOWED[from].includes(to)) {
        context.report({ node, messageId: 'direction', data: { from, to, allowed: ALLOWED[from].join(', ') || 'none' } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { 'package-boundaries': rule } };
