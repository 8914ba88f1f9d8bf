import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '../../src/catalog/load-builtins.js';
import { loadReference } from '../../src/catalog/load-reference.js';
import { validateDefinition } from '../../src/validate-definition.js';

const reference = loadReference();
const items = loadBuiltInItems();
const departments = new Map(reference.departments.map((d) => [d.id, d]));
const regionCodes = new Set(reference.regions.map((r) => r.code));

describe('the reference data', () => {
  it('copies the shared code tables and regions', () => {
    expect(Object.keys(reference.codeTables)).toEqual(expect.arrayContaining(['itemType', 'useLevel', 'disclosureReplyType', 'caseStatus']));
    expect(reference.regions.find((r) => r.code === '150102')).toMatchObject({ name: '新城区', parent: '150100' });
  });

  it('names every role in zh-CN and English', () => {
    const roles = [...reference.roles.principalRoles, ...reference.roles.staffRoles];

    expect(reference.roles.principalRoles.map((r) => r.id)).toEqual(['applicant', 'agent', 'staff', 'designer', 'supervisor', 'admin']);
    expect(reference.roles.staffRoles.map((r) => r.id)).toEqual(['window', 'reviewer', 'decider', 'disclosure']);
    for (const role of roles) expect(role.name.en, role.id).toBeTruthy();
  });

  it.each(reference.departments.map((d) => [d.id, d] as const))('department %s is valid and in a known region', (_, d) => {
    expect(validateDefinition('department', d, 'en')).toEqual([]);
    expect(regionCodes.has(d.region)).toBe(true);
  });

  it.each(reference.users.map((u) => [u.id, u] as const))('user %s is valid and consistent with its roles', (_, u) => {
    expect(validateDefinition('user', u, 'en')).toEqual([]);
    if (u.roles.includes('staff')) {
      expect(departments.has(u.departmentId!)).toBe(true);
      expect(u.staffRoles?.length).toBeGreaterThan(0);
      for (const r of u.staffRoles!) expect(reference.roles.staffRoles.map((s) => s.id)).toContain(r);
      expect(u.region).toBe(departments.get(u.departmentId!)!.region);
    }
    if (u.roles.includes('applicant')) expect(u.kind).toBeDefined();
    for (const id of u.agentFor ?? []) expect(reference.users.find((a) => a.id === id)?.roles).toContain('applicant');
  });

  it.each(reference.claims.map((c) => [c.id, c] as const))('claim %s binds an existing item to departments for every slot its flow uses', (_, c) => {
    const item = items.find((i) => i.item.id === c.itemId);
    const lead = departments.get(c.departmentId);

    expect(validateDefinition('claim', c, 'en')).toEqual([]);
    expect(item).toBeDefined();
    expect(lead).toMatchObject({ level: c.level, region: c.region });
    expect(item!.item.useLevel).toContain(c.level);
    const slots = (item!.item.departmentSlots ?? []).map((s) => s.slot).sort();
    expect(Object.keys(c.departments).sort()).toEqual(slots);
    for (const id of Object.values(c.departments)) expect(departments.has(id)).toBe(true);
  });

  it('has a claim for every built-in item and staff for every role its flow needs in the claiming departments', () => {
    for (const { item, flow } of items) {
      const claims = reference.claims.filter((c) => c.itemId === item.id);
      expect(claims.length, item.id).toBeGreaterThan(0);
      for (const claim of claims) {
        const slotDepartment = (slot: string) => (slot === 'lead' ? claim.departmentId : claim.departments[slot]);
        const needs = flow.steps.flatMap((s) =>
          s.kind === 'task' ? [[s.department ?? 'lead', s.role!]] : (s.branches ?? []).map((b) => [b.department, b.role]),
        );
        for (const [slot, role] of needs) {
          const staffed = reference.users.some((u) => u.departmentId === slotDepartment(slot) && u.staffRoles?.includes(role));
          expect(staffed, `${claim.id}: ${role} at ${slot}`).toBe(true);
        }
      }
    }
  });
});
