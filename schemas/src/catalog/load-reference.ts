import codeTables from '../../reference/code-tables.json' with { type: 'json' };
import regions from '../../reference/regions.json' with { type: 'json' };
import roles from '../../reference/roles.json' with { type: 'json' };
import departments from '../../reference/departments.json' with { type: 'json' };
import users from '../../reference/users.json' with { type: 'json' };
import claims from '../../reference/claims.json' with { type: 'json' };
import type { Claim } from '../generated/claim.generated.js';
import type { LocalizedText } from '../generated/common.generated.js';
import type { Department } from '../generated/department.generated.js';
import type { User } from '../generated/user.generated.js';

/** A code table: code → zh-CN name (GB/T 39046-2020 appendix A and related codes). */
export type CodeTable = Record<string, string>;

/** An administrative division of regions.json. */
export interface Region {
  code: string;
  name: string;
  /** useLevel code: 2 province/region, 3 city/league, 4 county/banner. */
  level: string;
  parent?: string;
}

/** A role of roles.json. */
export interface RoleDefinition {
  id: string;
  name: LocalizedText;
}

/** The platform's reference data (schemas/reference/), as plain JSON. */
export interface Reference {
  codeTables: Record<string, CodeTable>;
  regions: Region[];
  roles: { principalRoles: RoleDefinition[]; staffRoles: RoleDefinition[] };
  departments: Department[];
  users: User[];
  claims: Claim[];
}

/**
 * Loads the reference data bundled with schemas/: code tables, regions, roles, sample departments,
 * sample users and the claims of the built-in items. JSON imports, so it also works bundled.
 * Returns a fresh copy each call: callers may change it freely.
 */
export function loadReference(): Reference {
  const { $comment: _comment, ...tables } = codeTables as Record<string, unknown>;
  return structuredClone({
    codeTables: tables as Record<string, CodeTable>,
    regions: regions.regions as Region[],
    roles: { principalRoles: roles.principalRoles, staffRoles: roles.staffRoles },
    departments: departments as unknown as Department[],
    users: users as unknown as User[],
    claims: claims as unknown as Claim[],
  });
}
