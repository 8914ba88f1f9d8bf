/** The fields of a form schema flattened into JSON pointers with their titles, for choosing what to correct. */

export interface FormField {
  /** JSON pointer into the data, e.g. `/applicant/idNumber`. */
  pointer: string;
  /** The titles from the root down, e.g. `申请人 / 身份证号`. */
  title: string;
  /** True for an attachment (x-attachment) field. */
  attachment: boolean;
  /** The labels of a choice field (`oneOf: [{const, title}]`), by value. */
  choices?: Record<string, string>;
}

type SchemaNode = {
  type?: string | string[];
  title?: string;
  properties?: Record<string, SchemaNode>;
  'x-attachment'?: unknown;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  oneOf?: { const?: unknown; title?: string }[];
};

/**
 * Walks `properties` (following local `#/$defs/…` references) and returns every leaf field, and
 * every attachment field, with its pointer and path of titles (property names where a title is missing).
 */
export function formFields(schema: Record<string, unknown> | undefined, uiSchema?: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN'): FormField[] {
  const root = (schema ?? {}) as SchemaNode;
  const out: FormField[] = [];
  const resolve = (node: SchemaNode): SchemaNode => {
    if (node.$ref?.startsWith('#/$defs/')) return root.$defs?.[node.$ref.slice('#/$defs/'.length)] ?? node;
    return node;
  };
  type Ui = Record<string, unknown> | undefined;
  const titleOf = (node: SchemaNode, ui: Ui, name: string) => {
    const en = (ui?.['ui:options'] as { labelEn?: string } | undefined)?.labelEn;
    return locale === 'en' && en ? en : node.title ?? name;
  };
  const walk = (node: SchemaNode, pointer: string, titles: string[], depth: number, ui: Ui) => {
    const resolved = resolve(node);
    if (resolved.properties && !resolved['x-attachment'] && depth < 12) {
      for (const [name, child] of Object.entries(resolved.properties)) {
        const childNode = resolve(child);
        const childUi = ui?.[name] as Ui;
        walk(childNode, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, [...titles, titleOf({ ...child, ...childNode, title: child.title ?? childNode.title }, childUi, name)], depth + 1, childUi);
      }
      return;
    }
    const choices = resolved.oneOf?.filter((o) => o.const !== undefined && o.title).map((o) => [String(o.const), o.title!] as const);
    if (pointer) out.push({ pointer, title: titles.join(' / '), attachment: Boolean(resolved['x-attachment']), ...(choices?.length ? { choices: Object.fromEntries(choices) } : {}) });
  };
  walk(root, '', [], 0, uiSchema);
  return out;
}
