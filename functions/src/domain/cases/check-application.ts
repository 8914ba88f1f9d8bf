import type { Applicant, ItemVersion, Locale } from '@banshi/schemas';
import { bindIdentity, getValidator, unverifiedIdentityErrors, type VerifiedIdentity } from '@banshi/forms';
import { ValidationError, type FieldError } from '../errors.js';
import type { Principal } from '../permissions/principal.js';

/** A verified identity with the kind of applicant it belongs to. */
export type ApplicantIdentity = VerifiedIdentity & { kind: 'person' | 'enterprise' };

/**
 * The identity a principal's own application is about: their name and the resident ID number or
 * credit code the token says was verified (never the form's values).
 */
export function identityOfPrincipal(principal: Principal): ApplicantIdentity {
  return {
    name: principal.name,
    kind: principal.kind ?? 'person',
    ...(principal.idNumber ? { idNumber: principal.idNumber } : {}),
    ...(principal.creditCode ? { creditCode: principal.creditCode } : {}),
  };
}

/** The verified identity a case recorded for its applicant, or undefined for a case filed before identities were recorded. */
export function identityOfApplicant(applicant: Applicant): ApplicantIdentity | undefined {
  return applicant.idNumber || applicant.creditCode ? applicant : undefined;
}

const underData = (errors: FieldError[]) => errors.map((e) => ({ ...e, pointer: `/data${e.pointer}` }));

/**
 * Validates application data against the item version's form (compiled once per process), bound
 * to the applicant's verified identity: the form's identity section is filled from `identity`
 * before the schema and rules run (so an age check reads the verified ID number), a differing
 * value is refused, and an identity field the identity has no verified value for must stay empty.
 * With `identity` undefined (the subject is someone else, or an old case without a recorded
 * identity) the data is validated as entered.
 *
 * @returns the data as it is stored (identity written in, calculated values set, hidden fields dropped)
 * @throws ValidationError with pointers rooted at the request body (`/data/…`): identity errors
 *   (`applicant.identityMismatch`, `applicant.identityUnverified`) or the form's field errors
 */
export function checkApplication(
  version: Pick<ItemVersion, 'itemId' | 'version' | 'form'>,
  data: Record<string, unknown>,
  identity: VerifiedIdentity | undefined,
  opts: { locale: Locale; today: string },
): Record<string, unknown> {
  let bound = data;
  if (identity) {
    const result = bindIdentity(version.form, data, identity, opts.locale);
    if (result.errors.length > 0) throw new ValidationError(underData(result.errors));
    bound = result.data;
  }
  const checked = getValidator(`${version.itemId}@${version.version}`, version.form).validate(bound, opts);
  if (!checked.valid) throw new ValidationError(underData(checked.errors));
  const stored = checked.data as Record<string, unknown>;
  if (identity) {
    const unverified = unverifiedIdentityErrors(version.form, stored, identity, opts.locale);
    if (unverified.length > 0) throw new ValidationError(underData(unverified));
  }
  return stored;
}
