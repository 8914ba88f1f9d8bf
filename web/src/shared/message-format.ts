/**
 * Fills a message template: `{name}` takes a parameter, and `{n, plural, one {# day} other {# days}}`
 * picks the form the language's plural rules (Intl.PluralRules) ask for, `=0 {…}` an exact count,
 * with `#` standing for the number. A template without plural forms (Chinese needs none) is a plain
 * `{n} 个工作日`. A parameter that is missing stays as written, so a slip shows rather than vanishes.
 */

export type Params = Record<string, string | number>;

const rules: Record<string, Intl.PluralRules> = {};

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closing(template: string, open: number): number {
  for (let i = open, depth = 0; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The form of `options` (`one {…} other {…}`) for the count `n`, `#` replaced by it. */
function plural(options: string, n: number, params: Params, locale: string): string | undefined {
  const forms: Record<string, string> = {};
  for (const [, key, text] of options.matchAll(/(=?\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)) forms[key!] = text!;
  const form = forms[`=${n}`] ?? forms[(rules[locale] ??= new Intl.PluralRules(locale)).select(n)] ?? forms.other;
  return form === undefined ? undefined : formatMessage(form.replace(/#/g, String(n)), params, locale);
}

/** The template with its placeholders filled for `locale` (zh-CN or en). */
export function formatMessage(template: string, params: Params | undefined, locale: string): string {
  if (!params) return template;
  let out = '';
  let i = 0;
  for (let open; (open = template.indexOf('{', i)) >= 0; ) {
    const close = closing(template, open);
    if (close < 0) break;
    const body = template.slice(open + 1, close);
    const [, name, options] = /^(\w+)(?:\s*,\s*plural\s*,(.*))?$/s.exec(body) ?? [];
    const value = name === undefined ? undefined : params[name];
    const filled = value === undefined || options === undefined ? value : plural(options, Number(value), params, locale);
    out += template.slice(i, open) + (filled ?? `{${body}}`);
    i = close + 1;
  }
  return out + template.slice(i);
}
