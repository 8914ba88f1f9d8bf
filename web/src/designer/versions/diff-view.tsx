/**
 * A readable difference between two definitions of an item: fields and steps added, removed and
 * changed, and the guide elements that differ (schemas/src/catalog/diff-versions.ts computes it).
 */
import { Empty, Flex, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { VersionDiff } from '@banshi/schemas';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { guideMessages, type GuideMessageKey } from '../guide/messages.js';
import { shellMessages } from '../shell/messages.js';

/** The guide message naming each top-level element of the item. */
const GUIDE_ELEMENT: Partial<Record<string, GuideMessageKey>> = {
  id: 'id',
  basicCode: 'basicCode',
  name: 'nameZh',
  itemType: 'itemType',
  useLevel: 'useLevel',
  caseType: 'caseType',
  serviceObjects: 'serviceObjects',
  implementer: 'section.implementer',
  legalBasis: 'legalBasis',
  statutoryLimit: 'statutory',
  promisedLimit: 'promised',
  acceptanceConditions: 'section.conditions',
  materials: 'section.materials',
  fees: 'section.fees',
  feeNote: 'feeNoteZh',
  handleForms: 'handleForms',
  onlineDepth: 'onlineDepth',
  visitsOnSite: 'visitsOnSite',
  inHall: 'inHall',
  result: 'section.result',
  additionalResults: 'addResult',
  location: 'section.where',
  consultation: 'consultPhone',
  complaint: 'complaintPhone',
  departmentSlots: 'section.slots',
};

const COLOURS = { added: '#237804', removed: '#cf1322', changed: '#ad4e00' } as const;

function Group({ title, entries, testId }: { title: string; entries: { kind: 'added' | 'removed' | 'changed'; text: ReactNode; key: string }[]; testId: string }) {
  const t = useMessages(shellMessages);
  return (
    <section aria-label={title} data-testid={testId}>
      <Typography.Title level={4} style={{ fontSize: 15, margin: '8px 0 4px' }}>{title}</Typography.Title>
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('diff.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={entries}
          renderItem={(entry) => (
            <List.Item key={entry.key} data-change={entry.kind} style={{ paddingInline: 0 }}>
              <Flex gap={8} align="baseline" wrap>
                <strong style={{ color: COLOURS[entry.kind], minWidth: 40 }}>{t(`diff.${entry.kind}`)}</strong>
                <span>{entry.text}</span>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

export function DiffView({ diff }: { diff: VersionDiff }) {
  const t = useMessages(shellMessages);
  const g = useMessages(guideMessages);
  const { text } = useI18n();
  if (diff.same) return <Empty description={t('diff.same')} data-testid="diff-same" />;
  const aspects = (list?: string[]) => (list && list.length > 0 ? t('diff.aspects', { aspects: list.join('、') }) : '');
  const fieldText = (f: { path: string; title?: string; aspects?: string[] }) => (
    <>
      {f.title ? `${f.title} ` : ''}
      <Typography.Text code>{f.path}</Typography.Text>
      {aspects(f.aspects)}
    </>
  );
  const stepText = (s: { id: string; name?: { 'zh-CN': string; en?: string }; aspects?: string[] }) => (
    <>
      {s.name ? `${text(s.name)} ` : ''}
      <Typography.Text code>{s.id}</Typography.Text>
      {aspects(s.aspects)}
    </>
  );
  return (
    <div data-testid="version-diff">
      <Group
        title={t('diff.fields')}
        testId="diff-fields"
        entries={[
          ...diff.fields.added.map((f) => ({ kind: 'added' as const, text: fieldText(f), key: `a-${f.path}` })),
          ...diff.fields.removed.map((f) => ({ kind: 'removed' as const, text: fieldText(f), key: `r-${f.path}` })),
          ...diff.fields.changed.map((f) => ({ kind: 'changed' as const, text: fieldText(f), key: `c-${f.path}` })),
        ]}
      />
      {diff.rulesChanged && <Typography.Paragraph style={{ color: COLOURS.changed, margin: '4px 0' }}>{t('diff.rules')}</Typography.Paragraph>}
      <Group
        title={t('diff.steps')}
        testId="diff-steps"
        entries={[
          ...diff.steps.added.map((s) => ({ kind: 'added' as const, text: stepText(s), key: `a-${s.id}` })),
          ...diff.steps.removed.map((s) => ({ kind: 'removed' as const, text: stepText(s), key: `r-${s.id}` })),
          ...diff.steps.changed.map((s) => ({ kind: 'changed' as const, text: stepText(s), key: `c-${s.id}` })),
        ]}
      />
      {diff.flowSettingsChanged && <Typography.Paragraph style={{ color: COLOURS.changed, margin: '4px 0' }}>{t('diff.flowSettings')}</Typography.Paragraph>}
      <Group
        title={t('diff.guide')}
        testId="diff-guide"
        entries={diff.guide.map((key) => ({ kind: 'changed' as const, text: GUIDE_ELEMENT[key] ? `${g(GUIDE_ELEMENT[key]!)}（${key}）` : key, key }))}
      />
    </div>
  );
}
