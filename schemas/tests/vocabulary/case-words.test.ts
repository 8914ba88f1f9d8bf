import { describe, expect, it } from 'vitest';
import caseSchema from '../../src/meta/case.schema.json' with { type: 'json' };
import flowSchema from '../../src/meta/flow.schema.json' with { type: 'json' };
import { loadBuiltInItems } from '../../src/catalog/load-builtins.js';
import { loadReference } from '../../src/catalog/load-reference.js';
import { actionWord, branchStateWord, decisionKind, statusWord } from '../../src/vocabulary/case-words.js';

const statuses = caseSchema.$defs.CaseStatus.enum;
const actions = ['submit', ...flowSchema.$defs.Action.enum];
const branchStates = caseSchema.$defs.BranchState.properties.state.enum;
const itemTypes = Object.keys(loadReference().codeTables.itemType);
const locales = ['zh-CN', 'en'] as const;
const builtIns = loadBuiltInItems();
const typeOf = (slug: string) => builtIns.find((b) => b.slug === slug)!.item.itemType;

describe('the case vocabulary', () => {
  it.each(itemTypes)('names every status and action of an item of type %s in both languages', (itemType) => {
    for (const locale of locales) {
      for (const status of statuses) expect(statusWord(status, itemType, locale), `${status} ${locale}`).not.toBe(status);
      for (const action of actions) {
        for (const form of ['do', 'done'] as const) expect(actionWord(action, { itemType, locale, form }), `${action} ${locale}`).not.toBe(action);
      }
    }
  });

  it('names every branch state in both languages', () => {
    for (const locale of locales) for (const state of branchStates) expect(branchStateWord(state, locale)).not.toBe(state);
  });

  it('says 准予许可 and 不予许可 for a licence and nothing of a licence for a public service', () => {
    const licence = typeOf('construction-permit-parallel');
    const service = typeOf('senior-card');

    expect([licence, service]).toEqual(['01', '20']);
    expect([actionWord('approve', { itemType: licence, locale: 'zh-CN' }), actionWord('reject', { itemType: licence, locale: 'zh-CN' })]).toEqual(['准予许可', '不予许可']);
    expect([actionWord('approve', { itemType: service, locale: 'zh-CN' }), actionWord('reject', { itemType: service, locale: 'zh-CN' })]).toEqual(['审核通过', '不予办理']);
    const serviceWords = [...statuses.map((s) => statusWord(s, service, 'zh-CN')), ...actions.map((a) => actionWord(a, { itemType: service, locale: 'zh-CN' }))];
    expect(serviceWords.filter((w) => /许可|准予|\//.test(w))).toEqual([]);
  });

  it("names a public service's refusal as its end step does", () => {
    const seniorCard = builtIns.find((b) => b.slug === 'senior-card')!;
    const deniedStep = seniorCard.flow.steps.find((s) => s.kind === 'end' && s.outcome === 'denied')!;

    expect(statusWord('denied', seniorCard.item.itemType, 'zh-CN')).toBe(deniedStep.name['zh-CN']);
  });

  it('uses one word for the correction status, for staff and applicants alike', () => {
    expect(new Set(itemTypes.map((type) => statusWord('correction', type, 'zh-CN')))).toEqual(new Set(['补齐补正']));
  });

  it('gives a branch of a parallel review its own opinion words, whatever the item', () => {
    for (const itemType of itemTypes) {
      expect(actionWord('approve', { itemType, locale: 'zh-CN', branch: true })).toBe('同意');
      expect(actionWord('reject', { itemType, locale: 'en', branch: true, form: 'done' })).toBe('Disagreed');
    }
  });

  it('says what to do on a button and what was done in a history, in English', () => {
    expect(actionWord('approve', { itemType: '01', locale: 'en' })).toBe('Grant');
    expect(actionWord('approve', { itemType: '01', locale: 'en', form: 'done' })).toBe('Granted');
    expect(actionWord('accept', { itemType: '20', locale: 'zh-CN', form: 'done' })).toBe(actionWord('accept', { itemType: '20', locale: 'zh-CN' }));
  });

  it('reads a branch paused by a correction differently from the one that asked for it', () => {
    expect(branchStateWord('paused', 'zh-CN')).toBe('已因补正暂停');
    expect(branchStateWord('open', 'zh-CN', true)).toBe('已退回补正');
    expect(branchStateWord('open', 'zh-CN')).toBe('办理中');
  });

  it.each([
    ['01', 'licence'],
    ['05', 'payment'],
    ['07', 'confirmation'],
    ['08', 'reward'],
    ['20', 'service'],
    ['10', 'service'],
    [undefined, 'service'],
  ])('decides item type %s with the words of a %s', (itemType, kind) => {
    expect(decisionKind(itemType)).toBe(kind);
  });
});
