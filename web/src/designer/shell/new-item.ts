/**
 * The draft a new item starts from: a guide with every required element (to be filled in), an
 * empty form and the simplest complete flow — accept at the window, then complete; or refuse.
 * It saves as it is, and the designer builds on it.
 */
import type { ItemDraft, LocalizedText } from '@banshi/schemas';

export function newItemDraft(id: string, name: LocalizedText, placeholder: string): ItemDraft {
  const todo = { 'zh-CN': placeholder };
  return {
    item: {
      id,
      basicCode: '000000000000',
      name,
      itemType: '20',
      useLevel: ['4'],
      implementer: { name: todo, nature: '1' },
      legalBasis: [{ name: todo }],
      statutoryLimit: { value: 20, unit: 'workingDays' },
      promisedLimit: { value: 10, unit: 'workingDays' },
      caseType: '2',
      serviceObjects: ['1'],
      handleForms: ['1', '2'],
      onlineDepth: '4',
      visitsOnSite: 0,
      inHall: true,
      acceptanceConditions: [todo],
      materials: [],
      fees: [],
      result: { name: { 'zh-CN': `${name['zh-CN']}结果` }, type: 'other' },
      consultation: { phone: '12345' },
      complaint: { phone: '12345' },
      status: 'draft',
      version: 1,
    },
    form: { schema: { type: 'object', properties: {} }, rules: [] },
    flow: {
      start: 'accept',
      steps: [
        { id: 'accept', kind: 'task', name: { 'zh-CN': '受理', en: 'Accept' }, role: 'window', department: 'lead', status: 'submitted', actions: ['accept', 'notAccept'], transitions: [{ on: 'accept', to: 'complete' }, { on: 'notAccept', to: 'notAccepted' }] },
        { id: 'complete', kind: 'task', name: { 'zh-CN': '办结', en: 'Complete' }, role: 'window', department: 'lead', status: 'accepted', actions: ['complete', 'reject'], transitions: [{ on: 'complete', to: 'done' }, { on: 'reject', to: 'denied' }] },
        { id: 'done', kind: 'end', name: { 'zh-CN': '办结', en: 'Completed' }, outcome: 'completed' },
        { id: 'denied', kind: 'end', name: { 'zh-CN': '不予办理', en: 'Denied' }, outcome: 'denied' },
        { id: 'notAccepted', kind: 'end', name: { 'zh-CN': '不予受理', en: 'Not accepted' }, outcome: 'notAccepted' },
      ],
    },
  };
}
