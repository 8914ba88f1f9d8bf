/**
 * The guide editor (办事指南): every guide element of the service-item meta-schema as a form —
 * names, type, levels, implementer and legal basis, acceptance conditions, the materials table,
 * statutory and promised limits, fees, handling forms and online depth, result, where and when,
 * contacts and the department slots claims fill. Checked against the meta-schema on every change
 * (the same validator the server runs), and for texts still holding a new item's placeholder
 * (待填写, which stops publishing), the messages shown at their fields.
 */
import { Alert, Card, Form, Space, Typography } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { findPlaceholders, validateDefinition } from '@banshi/schemas';
import { codeOptions } from '../../applicant/code-names.js';
import { useI18n, useMessages } from '../../shared/i18n.js';
import type { PartEditorProps } from '../part-editor-props.js';
import type { ServiceItem, Locale } from '@banshi/schemas';
import {
  CheckboxesField,
  Fields,
  GuideContext,
  ListField,
  LocalizedField,
  NumberField,
  pointerOf,
  SelectField,
  setIn,
  SwitchField,
  TextField,
  type Path,
} from './guide-fields.js';
import { guideMessages } from './messages.js';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card size="small" role="region" aria-labelledby={`guide-section-${id}`} title={<Typography.Title level={3} id={`guide-section-${id}`} style={{ fontSize: 16, margin: 0 }}>{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

/** The problems of the item as it is now (live), in the user's language: the meta-schema's, then the placeholders left. */
export function guideProblems(item: unknown, locale: Locale) {
  return [...validateDefinition('item', item, locale), ...findPlaceholders(item, locale)];
}

export function GuideEditor({ value: item, onChange }: PartEditorProps<ServiceItem>) {
  const t = useMessages(guideMessages);
  const { locale } = useI18n();
  const problems = useMemo(() => guideProblems(item, locale), [item, locale]);
  const update = useCallback((path: Path, next: unknown) => onChange(setIn(item, path, next), path.join('/')), [item, onChange]);
  const messagesAt = useCallback(
    (path: Path) => {
      const pointer = pointerOf(path);
      return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)).map((p) => p.message);
    },
    [problems],
  );
  const context = useMemo(() => ({ item, update, messagesAt }), [item, update, messagesAt]);
  const list = { remove: t('remove'), moveUp: t('moveUp'), moveDown: t('moveDown') };
  const unitOptions = [
    { value: 'workingDays', label: t('workingDays') },
    { value: 'naturalDays', label: t('naturalDays') },
  ];
  const resultTypes = (['licence', 'approvalDocument', 'reply', 'other'] as const).map((value) => ({ value, label: t(`resultType.${value}`) }));
  const resultFields = (path: Path) => (
    <>
      <LocalizedField labelZh={t('resultNameZh')} labelEn={t('resultNameEn')} path={[...path, 'name']} />
      <SelectField label={t('resultType')} path={[...path, 'type']} options={resultTypes} />
      <TextField label={t('licenceType')} path={[...path, 'licenceType']} optional />
      <LocalizedField labelZh={t('validity')} path={[...path, 'validity']} optional noEnglish />
    </>
  );

  return (
    <GuideContext.Provider value={context}>
      <Form layout="vertical" component="div" data-testid="guide-editor">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
          {problems.length > 0 ? (
            <Alert type="warning" showIcon title={t('problems', { n: problems.length })} data-testid="guide-problems" role="status" />
          ) : (
            <Alert type="success" showIcon title={t('noProblems')} data-testid="guide-ok" role="status" />
          )}

          <Section id="basics" title={t('section.basics')}>
            <Fields>
              <TextField label={t('id')} path={['id']} />
              <TextField label={t('basicCode')} path={['basicCode']} />
              <LocalizedField labelZh={t('nameZh')} labelEn={t('nameEn')} path={['name']} />
              <SelectField label={t('itemType')} path={['itemType']} options={codeOptions('itemType', locale)} />
              <SelectField label={t('useLevel')} path={['useLevel']} options={codeOptions('useLevel', locale)} multiple />
              <SelectField label={t('caseType')} path={['caseType']} options={codeOptions('caseType', locale)} />
              <CheckboxesField label={t('serviceObjects')} path={['serviceObjects']} options={codeOptions('serviceObject', locale)} />
            </Fields>
          </Section>

          <Section id="implementer" title={t('section.implementer')}>
            <Fields>
              <LocalizedField labelZh={t('implementerZh')} labelEn={t('implementerEn')} path={['implementer', 'name']} />
              <TextField label={t('creditCode')} path={['implementer', 'creditCode']} optional />
              <SelectField label={t('nature')} path={['implementer', 'nature']} options={codeOptions('implementerNature', locale)} />
              <ListField
                path={['legalBasis']}
                title={(i) => `${t('legalBasis')} ${i + 1}`}
                addLabel={t('addBasis')}
                create={() => ({ name: { 'zh-CN': '' } })}
                labels={list}
                minItems={1}
                render={(i) => (
                  <>
                    <LocalizedField labelZh={t('basisNameZh')} labelEn={t('basisNameEn')} path={['legalBasis', i, 'name']} />
                    <TextField label={t('documentNo')} path={['legalBasis', i, 'documentNo']} optional />
                    <TextField label={t('articles')} path={['legalBasis', i, 'articles']} optional />
                    <TextField label={t('url')} path={['legalBasis', i, 'url']} optional span={24} />
                  </>
                )}
              />
            </Fields>
          </Section>

          <Section id="conditions" title={t('section.conditions')}>
            <Fields>
              <ListField
                path={['acceptanceConditions']}
                title={(i) => `${i + 1}`}
                addLabel={t('addCondition')}
                create={() => ({ 'zh-CN': '' })}
                labels={list}
                minItems={1}
                render={(i) => <LocalizedField labelZh={t('conditionZh', { n: i + 1 })} labelEn={t('conditionEn', { n: i + 1 })} path={['acceptanceConditions', i]} multiline />}
              />
            </Fields>
          </Section>

          <Section id="materials" title={t('section.materials')}>
            <Fields>
              <ListField
                path={['materials']}
                testId="guide-materials"
                title={(i) => {
                  const name = item.materials[i]?.name?.['zh-CN'];
                  return name ? `${t('material', { n: i + 1 })}：${name}` : t('material', { n: i + 1 });
                }}
                addLabel={t('addMaterial')}
                empty={t('noMaterials')}
                create={() => ({
                  id: `material${item.materials.length + 1}`,
                  name: { 'zh-CN': '' },
                  form: '2',
                  necessity: '1',
                  originals: 1,
                  copies: 0,
                  source: '10',
                  standard: { 'zh-CN': '' },
                })}
                labels={list}
                render={(i) => (
                  <>
                    <TextField label={t('materialId')} path={['materials', i, 'id']} />
                    <SelectField label={t('necessity')} path={['materials', i, 'necessity']} options={codeOptions('materialNecessity', locale)} />
                    <LocalizedField labelZh={t('materialNameZh')} labelEn={t('materialNameEn')} path={['materials', i, 'name']} />
                    <SelectField label={t('materialForm')} path={['materials', i, 'form']} options={codeOptions('materialForm', locale)} />
                    <SelectField label={t('source')} path={['materials', i, 'source']} options={codeOptions('materialSource', locale)} />
                    <NumberField label={t('originals')} path={['materials', i, 'originals']} min={0} max={100} />
                    <NumberField label={t('copies')} path={['materials', i, 'copies']} min={0} max={100} />
                    <LocalizedField labelZh={t('standardZh')} labelEn={t('standardEn')} path={['materials', i, 'standard']} multiline />
                    <LocalizedField labelZh={t('materialConditionZh')} path={['materials', i, 'condition']} optional noEnglish />
                    <TextField label={t('blankFormUrl')} path={['materials', i, 'blankFormUrl']} optional />
                    <TextField label={t('sampleUrl')} path={['materials', i, 'sampleUrl']} optional />
                  </>
                )}
              />
            </Fields>
          </Section>

          <Section id="limits" title={t('section.limits')}>
            <Fields>
              <NumberField label={t('limitValue', { limit: t('statutory') })} path={['statutoryLimit', 'value']} min={0} max={3650} span={6} />
              <SelectField label={t('limitUnit', { limit: t('statutory') })} path={['statutoryLimit', 'unit']} options={unitOptions} span={6} />
              <NumberField label={t('limitValue', { limit: t('promised') })} path={['promisedLimit', 'value']} min={0} max={3650} span={6} />
              <SelectField label={t('limitUnit', { limit: t('promised') })} path={['promisedLimit', 'unit']} options={unitOptions} span={6} />
            </Fields>
          </Section>

          <Section id="fees" title={t('section.fees')}>
            <Fields>
              <ListField
                path={['fees']}
                title={(i) => t('fee', { n: i + 1 })}
                addLabel={t('addFee')}
                empty={t('free')}
                create={() => ({ name: { 'zh-CN': '' }, amount: 0, basis: { 'zh-CN': '' } })}
                labels={list}
                render={(i) => (
                  <>
                    <LocalizedField labelZh={t('feeNameZh')} path={['fees', i, 'name']} noEnglish />
                    <NumberField label={t('amount')} path={['fees', i, 'amount']} min={0} step={0.01} optional />
                    <LocalizedField labelZh={t('feeDescriptionZh')} path={['fees', i, 'description']} optional noEnglish />
                    <LocalizedField labelZh={t('feeBasisZh')} path={['fees', i, 'basis']} noEnglish />
                  </>
                )}
              />
              <LocalizedField labelZh={t('feeNoteZh')} path={['feeNote']} optional noEnglish />
            </Fields>
          </Section>

          <Section id="online" title={t('section.online')}>
            <Fields>
              <CheckboxesField label={t('handleForms')} path={['handleForms']} options={codeOptions('handleForm', locale)} />
              <SelectField label={t('onlineDepth')} path={['onlineDepth']} options={codeOptions('onlineDepth', locale).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))} />
              <NumberField label={t('visitsOnSite')} path={['visitsOnSite']} min={0} max={10} />
              <SwitchField label={t('inHall')} path={['inHall']} yes={t('yes')} no={t('no')} />
            </Fields>
          </Section>

          <Section id="result" title={t('section.result')}>
            <Fields>
              {resultFields(['result'])}
              <ListField
                path={['additionalResults']}
                title={(i) => t('additionalResult', { n: i + 1 })}
                addLabel={t('addResult')}
                create={() => ({ name: { 'zh-CN': '' }, type: 'other' })}
                labels={list}
                render={(i) => resultFields(['additionalResults', i])}
              />
            </Fields>
          </Section>

          <Section id="where" title={t('section.where')}>
            <Fields>
              <LocalizedField labelZh={t('addressZh')} labelEn={t('addressEn')} path={['location', 'address']} optional />
              <LocalizedField labelZh={t('hoursZh')} path={['location', 'hours']} optional noEnglish />
              <LocalizedField labelZh={t('windowZh')} path={['location', 'window']} optional noEnglish />
            </Fields>
          </Section>

          <Section id="contacts" title={t('section.contacts')}>
            <Fields>
              <TextField label={t('consultPhone')} path={['consultation', 'phone']} />
              <TextField label={t('consultUrl')} path={['consultation', 'url']} optional />
              <LocalizedField labelZh={t('consultAddressZh')} path={['consultation', 'address']} optional noEnglish />
              <TextField label={t('complaintPhone')} path={['complaint', 'phone']} />
              <TextField label={t('complaintUrl')} path={['complaint', 'url']} optional />
            </Fields>
          </Section>

          <Section id="slots" title={t('section.slots')}>
            <Fields>
              <ListField
                path={['departmentSlots']}
                title={(i) => item.departmentSlots?.[i]?.slot ?? String(i + 1)}
                addLabel={t('addSlot')}
                empty={t('noSlots')}
                create={() => ({ slot: `slot${(item.departmentSlots?.length ?? 0) + 1}`, name: { 'zh-CN': '' } })}
                labels={list}
                render={(i) => (
                  <>
                    <TextField label={t('slot')} path={['departmentSlots', i, 'slot']} />
                    <LocalizedField labelZh={t('slotNameZh')} path={['departmentSlots', i, 'name']} noEnglish />
                  </>
                )}
              />
            </Fields>
          </Section>
        </Space>
      </Form>
    </GuideContext.Provider>
  );
}
