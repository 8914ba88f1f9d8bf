/**
 * A readable difference between two definitions of one service item (two published versions, or a
 * version and the draft): the form's fields, the flow's steps and the guide's elements that were
 * added, removed or changed. Pure — the designer shows it before publishing; the server may use it.
 */
import type { FlowDefinition, FlowStep } from '../generated/flow.generated.js';
import type { FormDefinition } from '../generated/form-definition.generated.js';
import type { LocalizedText } from '../generated/common.generated.js';
import type { ServiceItem } from '../generated/service-item.generated.js';

/** What the diff reads of a definition: a draft (`ui` apart) or a published version (`ui` merged into the form). */
export interface DiffableDefinition {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}

/** One field of a form: its data path (`applicant.name`) and its title. */
export interface FieldChange {
  path: string;
  title?: string;
  /** For a changed field: which aspects changed (`type`, `title`, `required`, `format`, `enum`, `ui`, …). */
  aspects?: string[];
}

/** One step of a flow: its id and name. */
export interface StepChange {
  id: string;
  name?: LocalizedText;
  /** For a changed step: which of its properties changed (`role`, `transitions`, `deadlineDays`, …). */
  aspects?: string[];
}

export interface VersionDiff {
  fields: { added: FieldChange[]; removed: FieldChange[]; changed: FieldChange[] };
  steps: { added: StepChange[]; removed: StepChange[]; changed: StepChange[] };
  /** Guide elements (top-level properties of the item, `status` and `version` aside) that differ. */
  guide: string[];
  /** Whether the form's rules (visibility, calculations, checks) differ. */
  rulesChanged: boolean;
  /** Whether the flow's start, correction or extension settings differ. */
  flowSettingsChanged: boolean;
  /** True when nothing differs. */
  same: boolean;
}

interface FieldInfo {
  title?: string;
  schema: Record<string, unknown>;
  required: boolean;
  ui: unknown;
}

/** Stable JSON: object keys sorted, so that key order never counts as a change. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The uiSchema of a definition: the form's own, with a draft's separate `ui` laid over it (as publishing does). */
function uiOf(definition: DiffableDefinition): Record<string, unknown> {
  return { ...(definition.form.uiSchema ?? {}), ...(definition.ui ?? {}) };
}

/** Every field of a form by data path: objects with properties are walked, everything else is a field. */
function fieldsOf(definition: DiffableDefinition): Map<string, FieldInfo> {
  const fields = new Map<string, FieldInfo>();
  const walk = (schema: Record<string, unknown>, ui: unknown, prefix: string) => {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const path = prefix ? `${prefix}.${name}` : name;
      const childUi = isObject(ui) ? ui[name] : undefined;
      if (child.type === 'object' && isObject(child.properties)) {
        walk(child, childUi, path);
        continue;
      }
      fields.set(path, { title: typeof child.title === 'string' ? child.title : undefined, schema: child, required: required.includes(name), ui: childUi });
    }
  };
  walk(definition.form.schema as Record<string, unknown>, uiOf(definition), '');
  return fields;
}

function fieldAspects(before: FieldInfo, after: FieldInfo): string[] {
  const aspects = new Set<string>();
  for (const key of new Set([...Object.keys(before.schema), ...Object.keys(after.schema)])) {
    if (stableJson(before.schema[key]) !== stableJson(after.schema[key])) aspects.add(key);
  }
  if (before.required !== after.required) aspects.add('required');
  if (stableJson(before.ui) !== stableJson(after.ui)) aspects.add('ui');
  return [...aspects];
}

function stepAspects(before: FlowStep, after: FlowStep): string[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => stableJson(a[key]) !== stableJson(b[key]));
}

/**
 * The difference from `before` to `after`.
 *
 * @returns fields and steps added, removed and changed (with the aspects that changed), the guide
 *   elements that differ, and whether rules or flow settings differ; `same` when nothing does
 * @example
 * diffVersions(version1, draft).fields.added // [{ path: 'applicant.email', title: '电子邮箱' }]
 */
export function diffVersions(before: DiffableDefinition, after: DiffableDefinition): VersionDiff {
  const beforeFields = fieldsOf(before);
  const afterFields = fieldsOf(after);
  const fields: VersionDiff['fields'] = { added: [], removed: [], changed: [] };
  for (const [path, info] of afterFields) {
    const old = beforeFields.get(path);
    if (!old) fields.added.push({ path, title: info.title });
    else {
      const aspects = fieldAspects(old, info);
      if (aspects.length > 0) fields.changed.push({ path, title: info.title ?? old.title, aspects });
    }
  }
  for (const [path, info] of beforeFields) if (!afterFields.has(path)) fields.removed.push({ path, title: info.title });

  const beforeSteps = new Map(before.flow.steps.map((s) => [s.id, s]));
  const afterSteps = new Map(after.flow.steps.map((s) => [s.id, s]));
  const steps: VersionDiff['steps'] = { added: [], removed: [], changed: [] };
  for (const [id, step] of afterSteps) {
    const old = beforeSteps.get(id);
    if (!old) steps.added.push({ id, name: step.name });
    else {
      const aspects = stepAspects(old, step);
      if (aspects.length > 0) steps.changed.push({ id, name: step.name, aspects });
    }
  }
  for (const [id, step] of beforeSteps) if (!afterSteps.has(id)) steps.removed.push({ id, name: step.name });

  const a = before.item as unknown as Record<string, unknown>;
  const b = after.item as unknown as Record<string, unknown>;
  const guide = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => key !== 'status' && key !== 'version' && stableJson(a[key]) !== stableJson(b[key]))
    .sort();

  const rulesChanged = stableJson(before.form.rules ?? []) !== stableJson(after.form.rules ?? []);
  const settings = (flow: FlowDefinition) => stableJson({ start: flow.start, correction: flow.correction, extension: flow.extension });
  const flowSettingsChanged = settings(before.flow) !== settings(after.flow);
  const same =
    fields.added.length + fields.removed.length + fields.changed.length + steps.added.length + steps.removed.length + steps.changed.length + guide.length === 0 &&
    !rulesChanged &&
    !flowSettingsChanged &&
    // Anything else of the form's schema (its own title, layout order, definitions …).
    stableJson({ ...before.form.schema, properties: undefined }) === stableJson({ ...after.form.schema, properties: undefined });
  return { fields, steps, guide, rulesChanged, flowSettingsChanged, same };
}
