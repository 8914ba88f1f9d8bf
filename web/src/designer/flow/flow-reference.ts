/**
 * What the flow designer offers to pick from: the staff roles (schemas/reference/roles.json — the
 * same list the server's check accepts) and the department slots of the item's claims (from the
 * API), with the departments' short names.
 */
import { useEffect, useState } from 'react';
import roles from '@banshi/schemas/reference/roles.json';
import { api } from '../../shared/api.js';
import type { FlowDefinition } from '@banshi/schemas';

export interface RoleOption {
  id: string;
  name: { 'zh-CN': string; en?: string };
}

export const STAFF_ROLES: RoleOption[] = roles.staffRoles;

export interface SlotOption {
  slot: string;
  /** The department the item's claims put in this slot, when known. */
  department?: { 'zh-CN': string; en?: string };
}

interface ClaimSummary {
  departmentId: string;
  departments?: Record<string, string>;
}

interface DepartmentSummary {
  id: string;
  name: { 'zh-CN': string; en?: string };
  shortName?: { 'zh-CN': string; en?: string };
}

/** The slots the item's claims define (`lead` first); empty until loaded, and for a new item. */
export function useClaimSlots(itemId: string): SlotOption[] {
  const [slots, setSlots] = useState<SlotOption[]>([]);
  useEffect(() => {
    let live = true;
    Promise.all([
      api<{ items: ClaimSummary[] }>(`/api/items/${encodeURIComponent(itemId)}/claims`).catch(() => ({ items: [] as ClaimSummary[] })),
      api<{ items: DepartmentSummary[] }>('/api/departments').catch(() => ({ items: [] as DepartmentSummary[] })),
    ]).then(([claims, departments]) => {
      if (!live) return;
      const byId = new Map(departments.items.map((d) => [d.id, d.shortName ?? d.name]));
      const found = new Map<string, SlotOption>();
      for (const claim of claims.items) {
        if (!found.has('lead')) found.set('lead', { slot: 'lead', department: byId.get(claim.departmentId) });
        for (const [slot, id] of Object.entries(claim.departments ?? {})) {
          if (!found.has(slot)) found.set(slot, { slot, department: byId.get(id) });
        }
      }
      setSlots([...found.values()]);
    });
    return () => {
      live = false;
    };
  }, [itemId]);
  return slots;
}

/** Every slot to offer: `lead`, the claims' slots and those the flow already names. */
export function slotOptions(flow: FlowDefinition, claimSlots: SlotOption[]): SlotOption[] {
  const out = new Map<string, SlotOption>([['lead', { slot: 'lead' }]]);
  for (const s of claimSlots) out.set(s.slot, s);
  for (const step of flow.steps) {
    if (step.kind === 'task' && step.department && !out.has(step.department)) out.set(step.department, { slot: step.department });
    for (const b of step.branches ?? []) if (!out.has(b.department)) out.set(b.department, { slot: b.department });
  }
  return [...out.values()];
}
