/**
 * The rule editor's visual model and its translation to and from JSON Logic. A rule is groups of
 * conditions: the conditions of a group are joined by one connective (全部满足 and / 任一满足 or),
 * and the groups by another. Only JSON Logic this module writes is read back; anything else is
 * kept as it is (`fromLogic` answers `undefined`).
 */
import type { RuleField } from './rule-fields.js';

export type Operator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'empty' | 'notEmpty' | 'ageGte' | 'ageLt';
export type Join = 'and' | 'or';
export type Scalar = string | number | boolean;

export interface Condition {
  field: string;
  op: Operator;
  /** Absent for 为空 / 不为空, and while the designer has not entered it yet. */
  value?: Scalar;
}

export interface ConditionGroup {
  join: Join;
  conditions: Condition[];
}

export interface RuleModel {
  join: Join;
  groups: ConditionGroup[];
}

type Logic = Record<string, unknown>;

const COMPARE: Record<string, Operator> = { '==': 'eq', '!=': 'ne', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };
const COMPARE_OP: Partial<Record<Operator, string>> = { eq: '==', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };
const NO_VALUE: ReadonlySet<Operator> = new Set(['empty', 'notEmpty']);

/** The operators that make sense for a field. */
export function operatorsFor(field: RuleField | undefined): Operator[] {
  if (!field) return ['eq', 'ne', 'empty', 'notEmpty'];
  switch (field.type) {
    case 'number':
    case 'integer':
      return field.options ? ['eq', 'ne', 'empty', 'notEmpty'] : ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];
    case 'boolean':
      return ['eq', 'ne', 'empty', 'notEmpty'];
    case 'array':
      return field.options ? ['contains', 'empty', 'notEmpty'] : ['empty', 'notEmpty'];
    case 'object':
      return ['empty', 'notEmpty'];
    default:
      if (field.options) return ['eq', 'ne', 'empty', 'notEmpty'];
      if (field.format === 'resident-id') return ['ageGte', 'ageLt', 'eq', 'ne', 'empty', 'notEmpty'];
      if (field.format === 'date' || field.format === 'date-time') return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty'];
      return ['eq', 'ne', 'contains', 'empty', 'notEmpty'];
  }
}

/** Whether the operator takes a value. */
export function takesValue(op: Operator): boolean {
  return !NO_VALUE.has(op);
}

/** Whether a condition is filled in enough to become JSON Logic. */
export function isComplete(c: Condition): boolean {
  if (!c.field) return false;
  if (!takesValue(c.op)) return true;
  if (c.value === undefined || c.value === '') return false;
  return !((c.op === 'ageGte' || c.op === 'ageLt') && typeof c.value !== 'number');
}

const v = (path: string) => ({ var: path });
const age = (path: string) => ({ ageFromIdNumber: [v(path), v('$today')] });

/** Whether "empty" of this field means JSON null (numbers and booleans: 0 and false are values). */
function emptyIsNull(field: RuleField | undefined): boolean {
  return field?.type === 'number' || field?.type === 'integer' || field?.type === 'boolean';
}

/** One condition as JSON Logic. */
export function conditionToLogic(c: Condition, fields: readonly RuleField[]): Logic {
  const field = fields.find((f) => f.path === c.field);
  switch (c.op) {
    case 'empty':
      return emptyIsNull(field) ? { '==': [v(c.field), null] } : { '!': v(c.field) };
    case 'notEmpty':
      return emptyIsNull(field) ? { '!=': [v(c.field), null] } : { '!!': v(c.field) };
    case 'contains':
      return { in: [c.value, v(c.field)] };
    case 'ageGte':
      return { '>=': [age(c.field), c.value] };
    case 'ageLt':
      return { '<': [age(c.field), c.value] };
    default:
      return { [COMPARE_OP[c.op]!]: [v(c.field), c.value] };
  }
}

/**
 * The model as JSON Logic; incomplete conditions are left out, and a model with no complete
 * condition is `undefined` (no rule). One condition stays bare; one group is one `and`/`or`;
 * several groups nest one level, each group explicit, so the model reads back unchanged.
 *
 * @example
 * toLogic({ join: 'and', groups: [{ join: 'and', conditions: [{ field: 'age', op: 'gte', value: 60 }] }] }, fields);
 * // { '>=': [{ var: 'age' }, 60] }
 */
export function toLogic(model: RuleModel, fields: readonly RuleField[]): unknown {
  const groups = model.groups
    .map((g) => ({ join: g.join, conditions: g.conditions.filter(isComplete).map((c) => conditionToLogic(c, fields)) }))
    .filter((g) => g.conditions.length > 0);
  if (groups.length === 0) return undefined;
  if (groups.length === 1) {
    const [only] = groups;
    return only!.conditions.length === 1 ? only!.conditions[0] : { [only!.join]: only!.conditions };
  }
  return { [model.join]: groups.map((g) => ({ [g.join]: g.conditions })) };
}

function isLogic(value: unknown): value is Logic {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The path of `{var: "a.b"}` (or `{var: ["a.b"]}`), else undefined. */
function varPath(value: unknown): string | undefined {
  if (!isLogic(value) || !('var' in value)) return undefined;
  const arg = value.var;
  if (typeof arg === 'string' && arg !== '' && arg !== '$today') return arg;
  if (Array.isArray(arg) && arg.length === 1 && typeof arg[0] === 'string' && arg[0] !== '' && arg[0] !== '$today') return arg[0];
  return undefined;
}

/** The ID-number path of `{ageFromIdNumber: [{var: p}, {var: "$today"}]}`, else undefined. */
function agePath(value: unknown): string | undefined {
  if (!isLogic(value) || !('ageFromIdNumber' in value)) return undefined;
  const args = value.ageFromIdNumber;
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const today = args[1] as unknown;
  if (!isLogic(today) || (today as Logic).var !== '$today') return undefined;
  return varPath(args[0]);
}

/** One condition read back from JSON Logic, or undefined when it is not one this editor writes. */
export function conditionFromLogic(logic: unknown): Condition | undefined {
  if (!isLogic(logic)) return undefined;
  const [op] = Object.keys(logic);
  const args = logic[op!];
  if (op === '!' || op === '!!') {
    const inner = Array.isArray(args) ? (args.length === 1 ? args[0] : undefined) : args;
    const field = varPath(inner);
    return field ? { field, op: op === '!' ? 'empty' : 'notEmpty' } : undefined;
  }
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const [left, right] = args as [unknown, unknown];
  if (op === 'in') {
    const field = varPath(right);
    return field && isScalar(left) ? { field, op: 'contains', value: left } : undefined;
  }
  const compare = COMPARE[op!];
  if (!compare) return undefined;
  const ageField = agePath(left);
  if (ageField) {
    if (typeof right !== 'number') return undefined;
    if (compare === 'gte') return { field: ageField, op: 'ageGte', value: right };
    if (compare === 'lt') return { field: ageField, op: 'ageLt', value: right };
    return undefined;
  }
  const field = varPath(left);
  if (!field) return undefined;
  if (right === null && (compare === 'eq' || compare === 'ne')) return { field, op: compare === 'eq' ? 'empty' : 'notEmpty' };
  return isScalar(right) ? { field, op: compare, value: right } : undefined;
}

function groupFromLogic(logic: unknown): ConditionGroup | undefined {
  const single = conditionFromLogic(logic);
  if (single) return { join: 'and', conditions: [single] };
  if (!isLogic(logic)) return undefined;
  const [join] = Object.keys(logic);
  if (join !== 'and' && join !== 'or') return undefined;
  const items = logic[join];
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const conditions = items.map(conditionFromLogic);
  return conditions.every((c): c is Condition => c !== undefined) ? { join, conditions } : undefined;
}

/**
 * Reads JSON Logic back into the visual model; `undefined` when the rule is not one this editor
 * could have written (it is then shown as it is, never rewritten). No rule is an empty model.
 */
export function fromLogic(logic: unknown): RuleModel | undefined {
  if (logic === undefined || logic === null) return { join: 'and', groups: [] };
  const group = groupFromLogic(logic);
  if (group) return { join: 'and', groups: [group] };
  if (!isLogic(logic)) return undefined;
  const [join] = Object.keys(logic);
  if (join !== 'and' && join !== 'or') return undefined;
  const items = logic[join];
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const groups = items.map(groupFromLogic);
  return groups.every((g): g is ConditionGroup => g !== undefined) ? { join, groups } : undefined;
}

/** Words of the readable sentence, in one language. */
export interface SentenceWords {
  ops: Record<Operator, string>;
  and: string;
  or: string;
  yes: string;
  no: string;
  /** `{condition}` of the whole sentence, e.g. 当 {condition} 时. */
  sentence: string;
  ageUnit: string;
  /** How a field's label is quoted; `「{label}」` when not given. */
  fieldQuote?: string;
}

function valueText(c: Condition, field: RuleField | undefined, words: SentenceWords): string {
  if (typeof c.value === 'boolean') return c.value ? words.yes : words.no;
  const option = field?.options?.find((o) => o.value === c.value);
  if (option) return `“${option.label}”`;
  if (c.op === 'ageGte' || c.op === 'ageLt') return `${c.value}${words.ageUnit}`;
  return typeof c.value === 'string' ? `“${c.value}”` : String(c.value);
}

/** One condition as words: 「户籍或居住情况」等于“持本地居住证”. */
export function describeCondition(c: Condition, fields: readonly RuleField[], words: SentenceWords): string {
  const field = fields.find((f) => f.path === c.field);
  const name = (words.fieldQuote ?? '「{label}」').replace('{label}', field?.label ?? c.field);
  const op = words.ops[c.op];
  return takesValue(c.op) ? `${name}${op} ${valueText(c, field, words)}` : `${name}${op}`;
}

/** The whole model as a sentence; '' when it has no complete condition. */
export function describeModel(model: RuleModel, fields: readonly RuleField[], words: SentenceWords): string {
  const groups = model.groups
    .map((g) => ({ join: g.join, parts: g.conditions.filter(isComplete).map((c) => describeCondition(c, fields, words)) }))
    .filter((g) => g.parts.length > 0);
  if (groups.length === 0) return '';
  const joined = groups.map((g) => {
    const text = g.parts.join(g.join === 'and' ? words.and : words.or);
    return groups.length > 1 && g.parts.length > 1 ? `（${text}）` : text;
  });
  return words.sentence.replace('{condition}', joined.join(model.join === 'and' ? words.and : words.or));
}
