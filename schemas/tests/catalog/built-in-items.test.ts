import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '../../src/catalog/load-builtins.js';
import { loadReference } from '../../src/catalog/load-reference.js';
import { checkFlow } from '../../src/flows/check-flow.js';
import { jsonLogicVars } from '../../src/flows/json-logic-vars.js';
import { schemaHasField } from '../../src/flows/schema-has-field.js';
import { validateDefinition } from '../../src/validate-definition.js';

const builtIns = loadBuiltInItems();
const reference = loadReference();
const staffRoles = reference.roles.staffRoles.map((r) => r.id);
const table = builtIns.map((b) => [b.slug, b] as const);

type Schema = Record<string, unknown>;

/** Every subschema of a form schema with its JSON pointer and the uiSchema node beside it. */
function* walk(schema: Schema, ui: Schema | undefined, pointer = ''): Generator<{ schema: Schema; ui: Schema | undefined; pointer: string }> {
  yield { schema, ui, pointer };
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [key, child] of Object.entries(properties)) {
    yield* walk(child, ui?.[key] as Schema | undefined, `${pointer}/${key}`);
  }
  if (schema.items && typeof schema.items === 'object' && !schema['x-attachment']) {
    yield* walk(schema.items as Schema, ui?.items as Schema | undefined, `${pointer}/items`);
  }
}

const dotted = (pointer: string) => pointer.slice(1).split('/').join('.');

describe('the built-in items', () => {
  it('are the four items of the domain notes, each with the id of its folder', () => {
    const slugs = builtIns.map((b) => b.slug).sort();

    expect(slugs).toEqual(['construction-permit-parallel', 'individual-business-registration', 'information-disclosure', 'senior-card']);
    for (const b of builtIns) expect(b.item.id).toBe(b.slug);
  });

  it.each(table)('%s: the guide, form and flow are valid against their meta-schemas', (_, b) => {
    expect(validateDefinition('item', b.item, 'en')).toEqual([]);
    expect(validateDefinition('form', { ...b.form, uiSchema: b.ui }, 'en')).toEqual([]);
    expect(validateDefinition('flow', b.flow, 'en')).toEqual([]);
    expect(
      validateDefinition('itemVersion', { itemId: b.item.id, version: 1, item: b.item, form: { ...b.form, uiSchema: b.ui }, flow: b.flow, publishedAt: '2026-01-05T08:00:00Z', publishedBy: 'u-designer' }, 'en'),
    ).toEqual([]);
  });

  it.each(table)('%s: the flow passes checkFlow against the roles, slots and form', (_, b) => {
    const errors = checkFlow(b.flow, { roles: staffRoles, departmentSlots: (b.item.departmentSlots ?? []).map((s) => s.slot), formSchema: b.form.schema }, 'en');

    expect(errors).toEqual([]);
  });

  it.each(table)('%s: the form schema is a valid JSON Schema 2020-12 document', (_, b) => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });

    expect(ajv.validateSchema(b.form.schema)).toBe(true);
  });

  it.each(table)('%s: every object in the form forbids additional properties', (_, b) => {
    const open = [...walk(b.form.schema as Schema, b.ui)].filter((n) => n.schema.type === 'object' && n.schema.additionalProperties !== false);

    expect(open.map((n) => n.pointer)).toEqual([]);
  });

  it.each(table)('%s: every field has a zh-CN title and an English label in the uiSchema', (_, b) => {
    const fields = [...walk(b.form.schema as Schema, b.ui)];
    const untitled = fields.filter((n) => typeof n.schema.title !== 'string').map((n) => n.pointer);
    const withoutEnglish = fields.filter((n) => typeof (n.ui?.['ui:options'] as Schema | undefined)?.labelEn !== 'string').map((n) => n.pointer);

    expect(untitled).toEqual([]);
    expect(withoutEnglish).toEqual([]);
  });

  it.each(table)('%s: attachment fields name materials of the guide, and every necessary material has one', (_, b) => {
    const materials = new Map(b.item.materials.map((m) => [m.id, m]));
    const attached = [...walk(b.form.schema as Schema, b.ui)].flatMap((n) => {
      const attachment = n.schema['x-attachment'] as { material: string } | undefined;
      return attachment ? [attachment.material] : [];
    });

    expect(attached.filter((id) => !materials.has(id))).toEqual([]);
    const necessary = b.item.materials.filter((m) => m.necessity === '1').map((m) => m.id);
    expect(necessary.filter((id) => !attached.includes(id))).toEqual([]);
  });

  it.each(table)('%s: every rule names a field of the form and reads only fields of the form', (_, b) => {
    const schema = b.form.schema;
    for (const rule of b.form.rules ?? []) {
      expect(schemaHasField(schema, dotted(rule.field)), `${rule.id} field ${rule.field}`).toBe(true);
      const logic = rule.kind === 'calculate' ? rule.value : rule.when;
      for (const v of jsonLogicVars(logic).filter((v) => v !== '$today')) {
        expect(schemaHasField(schema, v), `${rule.id} reads ${v}`).toBe(true);
      }
    }
  });

  it.each(table)('%s: every notify effect names a template of the item', (_, b) => {
    const templates = new Set((b.item.templates ?? []).map((t) => t.id));
    const named = b.flow.steps.flatMap((s) => (s.effects ?? []).filter((e) => e.kind === 'notify').map((e) => e.template));

    expect(named.filter((t) => !t || !templates.has(t))).toEqual([]);
  });

  it.each(table)('%s: the guide uses codes of the code tables', (_, b) => {
    const codes = reference.codeTables;

    expect(Object.keys(codes.itemType)).toContain(b.item.itemType);
    expect(Object.keys(codes.caseType)).toContain(b.item.caseType);
    expect(Object.keys(codes.onlineDepth)).toContain(b.item.onlineDepth);
    for (const level of b.item.useLevel) expect(Object.keys(codes.useLevel)).toContain(level);
    for (const o of b.item.serviceObjects) expect(Object.keys(codes.serviceObject)).toContain(o);
    for (const f of b.item.handleForms) expect(Object.keys(codes.handleForm)).toContain(f);
    for (const m of b.item.materials) {
      expect(Object.keys(codes.materialNecessity)).toContain(m.necessity);
      expect(Object.keys(codes.materialSource)).toContain(m.source);
      expect(Object.keys(codes.materialForm)).toContain(m.form);
    }
  });
});

describe('the item-specific processes', () => {
  const bySlug = (slug: string) => builtIns.find((b) => b.slug === slug)!;

  it('information disclosure replies within 20 working days, extends once by 20, and restarts the clock on correction', () => {
    const { item, flow } = bySlug('information-disclosure');

    expect(item.statutoryLimit).toEqual({ value: 20, unit: 'workingDays' });
    expect(item.promisedLimit).toEqual({ value: 20, unit: 'workingDays' });
    expect(flow.extension).toEqual({ maxDays: 20, maxTimes: 1 });
    expect(flow.correction?.clock).toBe('restart');
    expect(flow.steps.filter((s) => s.kind === 'task').every((s) => s.role === 'disclosure')).toBe(true);
    const review = flow.steps.find((s) => s.id === 'review')!;
    expect(review.actions).toEqual(expect.arrayContaining(['returnForCorrection', 'extend', 'suspend', 'approve']));
    expect(item.result.replyTypes).toEqual(Object.keys(reference.codeTables.disclosureReplyType));
    for (const replyType of item.result.replyTypes!) {
      expect(item.templates?.some((t) => t.replyType === replyType), replyType).toBe(true);
    }
  });

  it('the construction permit opens the civil-air-defence branch only for a project with a basement', () => {
    const { item, flow } = bySlug('construction-permit-parallel');
    const parallel = flow.steps.find((s) => s.kind === 'parallel')!;

    expect(item.promisedLimit).toEqual({ value: 20, unit: 'workingDays' });
    expect(item.statutoryLimit).toEqual({ value: 45, unit: 'workingDays' });
    expect(parallel.branches!.map((b) => [b.department, b.when])).toEqual([
      ['planning', undefined],
      ['housing', undefined],
      ['airDefence', { '==': [{ var: 'project.hasBasement' }, true] }],
    ]);
    expect(parallel.branches!.every((b) => b.actions!.includes('returnForCorrection') && b.actions!.includes('reject'))).toBe(true);
    expect(flow.steps.find((s) => s.id === parallel.next)).toMatchObject({ role: 'decider', department: 'lead' });
    expect(flow.steps.find((s) => s.id === parallel.onReject)).toMatchObject({ kind: 'end', outcome: 'denied' });
  });

  it('the individual business registration issues a business licence within 3 working days', () => {
    const { item, flow } = bySlug('individual-business-registration');

    expect(item.promisedLimit).toEqual({ value: 3, unit: 'workingDays' });
    expect(flow.steps.find((s) => s.outcome === 'completed')?.effects).toContainEqual({ kind: 'issueLicence', licenceType: '营业执照' });
  });

  it('the senior card calculates the age from the ID number and requires 60 or over', () => {
    const { form, flow } = bySlug('senior-card');

    expect(form.rules).toContainEqual(expect.objectContaining({ kind: 'calculate', field: '/age', value: { ageFromIdNumber: [{ var: 'applicant.idNumber' }, { var: '$today' }] } }));
    expect(form.rules).toContainEqual(
      expect.objectContaining({ kind: 'check', field: '/applicant/idNumber', message: { 'zh-CN': '申请人须年满60周岁', en: 'The applicant must be aged 60 or over' } }),
    );
    expect(flow.steps.filter((s) => s.kind === 'task').map((s) => s.id)).toEqual(['accept', 'complete']);
  });
});
