/**
 * The applicant section of an application form (issue 9 §1): its identity fields (name, ID number
 * or credit code) are the account's verified identity, so they are shown prefilled and read-only;
 * an agent sees them read-only and empty (the server fills in the identity of the person they act
 * for). On a form whose subject may differ (`subject.mayDiffer`), the applicant may say they apply
 * for someone else and how they are related; then the fields are the subject's and editable.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useCallback, useMemo, useState } from 'react';
import { identitySection, parsePointer, subjectRelations, writeIdentity, type IdentitySection, type SubjectForm } from '@banshi/forms';
import { useI18n } from '../i18n.js';
import type { Principal } from '../session.js';

type Data = Record<string, unknown>;
type Node = RJSFSchema & { properties?: Record<string, Node>; required?: string[] };

export interface ApplicantIdentityOptions {
  principal?: Principal;
  /** Agents: the applicant they act for; their identity is filled in by the server on submit. */
  onBehalfOf?: string;
  /** Correcting a case: its data already holds the recorded identity; `subject` when it was filed for someone else. */
  correcting?: { subject?: unknown };
}

export interface ApplicantIdentity {
  schema?: RJSFSchema;
  uiSchema?: UiSchema;
  /** The data as the form shows it: the verified identity written into the section when known. */
  show(data: Data): Data;
  /** The relations the applicant may state (empty: only for oneself). */
  relations: readonly string[];
  relation?: string;
  setRelation(relation: string | undefined): void;
  /** What the submission adds to its body. */
  body: { subjectRelation?: string };
}

/** The schema and uiSchema with the section's identity fields read-only (with a hint), and not required when `optional`. */
function lockFields(form: SubjectForm & { uiSchema?: UiSchema }, section: IdentitySection, hint: string, optional: boolean) {
  const schema = structuredClone(form.schema) as Node;
  const uiSchema = structuredClone(form.uiSchema ?? {}) as UiSchema;
  let node: Node | undefined = schema;
  let ui: UiSchema = uiSchema;
  for (const segment of parsePointer(section.pointer)) {
    node = node?.properties?.[segment];
    ui = (ui[segment] ??= {}) as UiSchema;
  }
  const keys = section.fields.map((f) => f.key as string);
  for (const key of keys) ui[key] = { ...(ui[key] as UiSchema | undefined), 'ui:readonly': true, 'ui:help': hint };
  if (optional && node?.required) node.required = node.required.filter((name) => !keys.includes(name));
  return { schema: schema as RJSFSchema, uiSchema };
}

/**
 * The identity state of the apply page for a form: the form to render, the data to show and the
 * relation the applicant chose. Undefined parts while the form is loading.
 */
export function useApplicantIdentity(form: (SubjectForm & { uiSchema?: UiSchema }) | undefined, opts: ApplicantIdentityOptions): ApplicantIdentity {
  const { t } = useI18n();
  const [relation, setRelation] = useState<string>();
  const { principal, onBehalfOf, correcting } = opts;
  const section = useMemo(() => (form ? identitySection(form) : undefined), [form]);
  const relations = useMemo(() => (form ? subjectRelations(form) : []), [form]);
  const forSubject = relation !== undefined || Boolean(correcting?.subject);
  const verified = useMemo(
    () => (principal && !onBehalfOf && !correcting
      ? { name: principal.name, ...(principal.idNumber ? { idNumber: principal.idNumber } : {}), ...(principal.creditCode ? { creditCode: principal.creditCode } : {}) }
      : undefined),
    [principal, onBehalfOf, correcting],
  );
  const filledByServer = Boolean(onBehalfOf) && !correcting;
  const hint = filledByServer ? t('apply.identityOfApplicant') : t('apply.identityVerified');
  const view = useMemo(
    () => (form && section && !forSubject ? lockFields(form, section, hint, filledByServer) : form && { schema: form.schema as RJSFSchema, uiSchema: form.uiSchema }),
    [form, section, forSubject, hint, filledByServer],
  );
  const show = useCallback(
    (data: Data) => (form && verified && !forSubject ? writeIdentity(form, data, verified) : data),
    [form, verified, forSubject],
  );
  return {
    schema: view?.schema,
    uiSchema: view?.uiSchema,
    show,
    relations,
    relation,
    setRelation,
    body: relation !== undefined ? { subjectRelation: relation } : {},
  };
}

/** The choice 为谁申请: oneself, or someone else with the applicant's relation to them. */
export function SubjectChoice({ identity }: { identity: ApplicantIdentity }) {
  const { t } = useI18n();
  if (identity.relations.length === 0) return null;
  return (
    <div className="banshi-field" style={{ marginBottom: 16 }}>
      <label className="banshi-label" htmlFor="apply-subject">{t('apply.subjectLabel')}</label>
      <select id="apply-subject" className="form-control" style={{ maxWidth: 360 }} data-testid="apply-subject"
        value={identity.relation ?? ''} onChange={(e) => identity.setRelation(e.target.value || undefined)}
        aria-describedby={identity.relation ? 'apply-subject-hint' : undefined}>
        <option value="">{t('apply.subjectSelf')}</option>
        {identity.relations.map((r) => (
          <option key={r} value={r}>{t('apply.subjectOther', { relation: t(`relation.${r}` as Parameters<typeof t>[0]) })}</option>
        ))}
      </select>
      {identity.relation && <div className="banshi-help" id="apply-subject-hint">{t('apply.subjectHint')}</div>}
    </div>
  );
}
