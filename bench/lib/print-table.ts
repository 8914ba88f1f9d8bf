/**
 * Prints the bench's one table: metric | measured | reference/target | ratio | meets?
 * Widths count CJK characters as two columns so the table lines up in a terminal.
 */

/** One row; `meets` undefined means the row is informational (no bar). */
export interface Row {
  metric: string;
  measured: string;
  reference: string;
  ratio?: string;
  meets?: boolean;
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** Renders the rows as a pipe table (valid Markdown too). */
export function formatTable(rows: readonly Row[]): string {
  const header = ['metric', 'measured', 'reference / target', 'ratio', 'meets?'];
  const cells = rows.map((r) => [r.metric, r.measured, r.reference, r.ratio ?? '', r.meets === undefined ? '' : r.meets ? 'yes' : 'NO']);
  const widths = header.map((h, c) => Math.max(width(h), ...cells.map((row) => width(row[c]))));
  const line = (row: string[]) => `| ${row.map((cell, c) => pad(cell, widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Formats a number with `digits` decimals. */
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
