/**
 * Names of the national code tables (schemas/reference/code-tables.json) in the chosen language:
 * zh-CN from the shared JSON, English from the table below (a missing English name falls back to
 * Chinese). Case statuses are not named here: their words depend on the item type
 * (schemas/src/vocabulary/case-words.ts).
 */
import codeTables from '@banshi/schemas/reference/code-tables.json';
import type { Locale } from '../shared/i18n.js';

export type CodeTable = Exclude<keyof typeof codeTables, '$comment'>;

const english: Partial<Record<CodeTable, Record<string, string>>> = {
  itemType: {
    '00': 'Administrative power', '01': 'Administrative licence', '02': 'Administrative penalty', '03': 'Administrative coercion',
    '04': 'Administrative levy', '05': 'Administrative payment', '06': 'Administrative inspection', '07': 'Administrative confirmation',
    '08': 'Administrative reward', '09': 'Administrative ruling', '10': 'Other', '20': 'Public service',
  },
  useLevel: { '1': 'National', '2': 'Provincial', '3': 'City', '4': 'County', '5': 'Township / street', '6': 'Village / community', '7': 'Graded' },
  implementerNature: { '1': 'Statutory authority', '2': 'Authorised organisation', '3': 'Commissioned organisation', '9': 'Other' },
  serviceObject: { '1': 'Natural persons', '2': 'Enterprises', '3': 'Public institutions', '4': 'Social organisations', '5': 'Government bodies', '6': 'Other organisations' },
  handleForm: { '1': 'At the window', '2': 'Online (computer)', '3': 'Mobile', '4': 'By post', '9': 'Other' },
  caseType: { '1': 'Immediate', '2': 'Promised', '9': 'Other' },
  onlineDepth: { '1': 'Published', '2': 'Online pre-check', '3': 'Online application', '4': 'Fully online' },
  materialNecessity: { '1': 'Required', '2': 'Optional', '3': 'May follow later (容缺后补)' },
  materialSource: { '10': 'Applicant', '20': 'Issued by a government department', '99': 'Other' },
  materialForm: { '1': 'Paper', '2': 'Electronic', '3': 'Paper and electronic' },
  specialProcedure: { '1': 'Extended approval', '2': 'Hearing', '3': 'Inspection and testing', '4': 'Expert review', '9': 'Other' },
  disclosureReplyType: {
    published: 'Already published (where to find it)', disclosed: 'Disclosed', partial: 'Partly disclosed', notDisclosed: 'Not disclosed (with reasons)',
    notExist: 'Information does not exist', notOurs: 'Not this authority (referred)', repeat: 'Repeated request', specialLaw: 'Handled under specific laws',
    notARequest: 'Not a disclosure request (referred)',
  },
};

/** The name of `code` in `table`, in `locale`; the code itself when unknown. */
export function codeName(table: CodeTable, code: string, locale: Locale): string {
  const zh = (codeTables[table] as Record<string, string>)[code];
  if (locale === 'en') return english[table]?.[code] ?? zh ?? code;
  return zh ?? code;
}

/** Every code of `table`, in the table's order, with its name in `locale`. */
export function codeOptions(table: CodeTable, locale: Locale): { value: string; label: string }[] {
  return Object.keys(codeTables[table]).map((value) => ({ value, label: codeName(table, value, locale) }));
}
