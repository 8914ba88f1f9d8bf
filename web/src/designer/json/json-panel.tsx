/**
 * The JSON tab: the whole draft as JSON (guide, form, uiSchema, flow), editable. An edit is applied
 * only after it parses and passes the meta-schemas; the problems are listed with their pointers.
 * Applying is one edit of the draft, so undo takes it back like any other.
 */
import { Button, Flex, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FieldError, ItemDraft, Locale } from '@banshi/schemas';
import { validateDefinition } from '@banshi/schemas';
import { useI18n, useMessages, type MessageTable } from '../../shared/i18n.js';
import { ProblemsAlert } from '../shell/file-controls.js';

const zh = {
  intro: '整个草稿的 JSON：办事指南（item）、表单（form）、界面设置（ui）和流程（flow）。修改后点击“应用”，校验通过才会生效，可撤销。',
  label: '草稿 JSON',
  apply: '应用',
  revert: '还原',
  applied: '已应用到草稿',
  problems: 'JSON 有 {n} 个问题，未应用：',
  notJson: 'JSON 格式错误：{message}',
  notObject: '须为 JSON 对象',
  missing: '缺少 {part}',
  unknown: '未知的内容「{key}」（只可包含 item、form、ui、flow）',
  edited: '有未应用的修改',
  idFixed: '事项编号不可在此修改（须为 {id}）',
} as const;
type Key = keyof typeof zh;
const messages: MessageTable<Key> = {
  'zh-CN': zh,
  en: {
    intro: 'The whole draft as JSON: guide (item), form, ui settings and flow. Edit, then Apply: it takes effect only when valid, and can be undone.',
    label: 'Draft JSON',
    apply: 'Apply',
    revert: 'Revert',
    applied: 'Applied to the draft',
    problems: 'The JSON has {n, plural, one {# problem} other {# problems}} and was not applied:',
    notJson: 'Not valid JSON: {message}',
    notObject: 'Must be a JSON object',
    missing: '{part} is missing',
    unknown: 'Unknown property "{key}" (only item, form, ui, flow)',
    edited: 'Edits not applied yet',
    idFixed: 'The item id cannot change here (it must be {id})',
  },
};

const PARTS = ['item', 'form', 'ui', 'flow'];

const textOf = (draft: ItemDraft) => JSON.stringify({ item: draft.item, form: draft.form, ...(draft.ui ? { ui: draft.ui } : {}), flow: draft.flow }, null, 2);

/**
 * The draft a JSON text describes, or its problems (JSON pointers into the text's value).
 */
export function parseDraftJson(text: string, itemId: string, locale: Locale, t: (key: Key, params?: Record<string, string>) => string): { draft?: ItemDraft; problems: FieldError[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ pointer: '', code: 'json', message: t('notJson', { message: (error as Error).message }) }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problems: [{ pointer: '', code: 'type', message: t('notObject') }] };
  const json = value as Record<string, unknown>;
  const problems: FieldError[] = [];
  for (const key of Object.keys(json)) if (!PARTS.includes(key)) problems.push({ pointer: `/${key}`, code: 'additionalProperties', message: t('unknown', { key }) });
  for (const part of ['item', 'form', 'flow'] as const) {
    if (json[part] === undefined) problems.push({ pointer: `/${part}`, code: 'required', message: t('missing', { part }) });
    else problems.push(...validateDefinition(part, json[part], locale).map((p) => ({ ...p, pointer: `/${part}${p.pointer}` })));
  }
  if (json.ui !== undefined && (typeof json.ui !== 'object' || json.ui === null || Array.isArray(json.ui))) problems.push({ pointer: '/ui', code: 'type', message: t('notObject') });
  const id = (json.item as { id?: unknown } | undefined)?.id;
  if (json.item !== undefined && id !== itemId) problems.push({ pointer: '/item/id', code: 'const', message: t('idFixed', { id: itemId }) });
  if (problems.length > 0) return { problems };
  return { draft: json as unknown as ItemDraft, problems: [] };
}

export function JsonPanel({ itemId, draft, onApply }: { itemId: string; draft: ItemDraft; onApply(next: ItemDraft): void }) {
  const t = useMessages(messages);
  const { locale } = useI18n();
  const current = useMemo(() => textOf(draft), [draft]);
  const [text, setText] = useState(current);
  const [edited, setEdited] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [applied, setApplied] = useState(false);

  // Edits elsewhere (or undo) show here as long as this text has no edits of its own.
  useEffect(() => {
    if (!edited) setText(current);
  }, [current, edited]);

  const apply = () => {
    const parsed = parseDraftJson(text, itemId, locale, t);
    setProblems(parsed.problems);
    setApplied(false);
    if (parsed.draft) {
      onApply(parsed.draft);
      setEdited(false);
      setApplied(true);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="json-panel">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <Button type="primary" onClick={apply} disabled={!edited} data-testid="json-apply">{t('apply')}</Button>
        <Button onClick={() => { setText(current); setEdited(false); setProblems([]); }} disabled={!edited}>{t('revert')}</Button>
        {edited && <Typography.Text type="warning">{t('edited')}</Typography.Text>}
        {applied && !edited && <Typography.Text type="success" role="status">{t('applied')}</Typography.Text>}
      </Flex>
      <ProblemsAlert title={t('problems', { n: String(problems.length) })} problems={problems} testId="json-problems" />
      <label htmlFor="draft-json" style={{ fontWeight: 500 }}>{t('label')}</label>
      <Input.TextArea
        id="draft-json"
        data-native-undo
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setEdited(true);
          setApplied(false);
        }}
        autoSize={{ minRows: 16, maxRows: 40 }}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
      />
    </Space>
  );
}
