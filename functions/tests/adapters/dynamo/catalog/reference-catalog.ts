/** The built-in items and the reference departments, users and claims the catalog tests store. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Claim, Department, User } from '@banshi/schemas';
import type { ItemDraft } from '@banshi/schemas/core';

const schemasDir = new URL('../../../../../schemas/', import.meta.url);
export const readJson = <T>(path: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(path, schemasDir)), 'utf8')) as T;

export function builtInDraft(slug: string): ItemDraft {
  return {
    item: readJson(`items/${slug}/item.json`),
    form: readJson(`items/${slug}/form.json`),
    flow: readJson(`items/${slug}/flow.json`),
    ui: readJson(`items/${slug}/ui.json`),
  };
}

export const SLUGS = ['senior-card', 'individual-business-registration', 'information-disclosure', 'construction-permit-parallel'];

export const departments = () => readJson<Department[]>('reference/departments.json');
export const users = () => readJson<User[]>('reference/users.json');
export const claims = () => readJson<Claim[]>('reference/claims.json');
