/**
 * One item in the designer: its draft (guide, form, flow) in tabs — 指南 | 表单 | 流程 | 试运行 |
 * 版本 | 认领 | JSON, one route each (/designer/items/:itemId/<tab>) — with undo and redo over the
 * whole draft (buttons, Ctrl+Z, Ctrl+Shift+Z), saving with the expected revision, the check (its
 * problems handed to each part by pointer: /item → guide, /form and /ui → form, /flow → flow, with
 * a count on each tab) and publishing through a dialog that shows what changes and what is in flight.
 * Unsaved changes are never lost silently: leaving asks first, and a copy kept on the device is
 * offered back on the next visit until the draft is saved.
 */
import { CheckCircleOutlined, CloudUploadOutlined, RedoOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Flex, Result, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { mayDesign } from '@banshi/schemas/core';
import { api, ApiError } from '../shared/api.js';
import { chinaTime } from '../shared/china-time.js';
import { useI18n, useMessages } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';
import { ClaimsPanel } from './claims/claims-panel.js';
import { DryRunPanel } from './flow/dry-run-panel.js';
import { FlowDesigner } from './flow/flow-designer.js';
import { FormBuilder } from './form-builder/form-builder.js';
import { GuideEditor, guideProblems } from './guide/guide-editor.js';
import { JsonPanel } from './json/json-panel.js';
import { useDraftHistory } from './shell/draft-history.js';
import { LeavePrompt, useLeaveGuard } from './shell/leave-prompt.js';
import { clearLocalDraft, localDraftKey, readLocalDraft, restoreOffer, writeLocalDraft, type RestoreOffer } from './shell/local-draft.js';
import { shellMessages } from './shell/messages.js';
import { TAB_LABEL, TABS, tabOfPointer, type TabKey } from './shell/tabs.js';
import { PublishDialog } from './shell/publish-dialog.js';
import type { FieldError, FlowDefinition, ItemDraft, ServiceItem } from '@banshi/schemas';
import { VersionsPanel } from './versions/versions-panel.js';

type LoadedDraft = ItemDraft & { revision: number };

const definitionOf = ({ item, form, flow, ui }: ItemDraft): ItemDraft => ({ item, form, flow, ...(ui ? { ui } : {}) });

export default function DesignerPage() {
  const params = useParams();
  const itemId = params.itemId ?? '';
  const tab: TabKey = (TABS as readonly string[]).includes(params['*'] ?? '') ? (params['*'] as TabKey) : 'guide';
  const navigate = useNavigate();
  const t = useMessages(shellMessages);
  const { locale, text } = useI18n();
  const { principal, loading: sessionLoading } = useSession();
  const { message } = App.useApp();
  const history = useDraftHistory();
  const { draft } = history;
  const [saved, setSaved] = useState<ItemDraft>();
  const [revision, setRevision] = useState<number>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [latestVersion, setLatestVersion] = useState<number>();
  const [versionsKey, setVersionsKey] = useState(0);
  const [publishOpen, setPublishOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [checked, setChecked] = useState(false);
  const [loadedDraft, setLoadedDraft] = useState<{ draft: ItemDraft; revision: number }>();
  // The local copy of unsaved changes found on this visit: undefined until looked for, null when none is offered.
  const [offer, setOffer] = useState<RestoreOffer | null>();
  const id = encodeURIComponent(itemId);
  const dirty = Boolean(draft && saved && draft !== saved);
  const storageKey = principal ? localDraftKey(principal.userId, itemId) : undefined;

  const goTo = useCallback((next: TabKey) => navigate(`/designer/items/${encodeURIComponent(itemId)}/${next}`), [navigate, itemId]);

  // Load the draft (again, after a conflict) and the newest published version.
  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    api<LoadedDraft>(`/api/items/${id}/draft`)
      .then((loaded) => {
        if (!live) return;
        const definition = definitionOf(loaded);
        history.reset(definition);
        setSaved(definition);
        setRevision(loaded.revision);
        setLoadedDraft({ draft: definition, revision: loaded.revision });
        setOffer(undefined);
        setConflict(false);
      })
      .catch((e: ApiError) => live && setLoadError(e));
    api<{ items: { version: number }[] }>(`/api/items/${id}/versions`)
      .then((res) => live && setLatestVersion(res.items[0]?.version))
      .catch(() => live && setLatestVersion(undefined));
    return () => {
      live = false;
    };
    // history.reset is stable; reloading is driven by the item and the attempt only.
  }, [id, attempt]);

  useEffect(() => {
    if (draft) document.title = `${text(draft.item.name)} · ${t('home.title')}`;
  }, [draft, text, t]);

  // Ask before leaving the item (or closing the tab) with unsaved changes.
  const blocker = useLeaveGuard(dirty, `/designer/items/${id}`);

  // Once loaded: is there a local copy of unsaved changes to offer back?
  useEffect(() => {
    if (loadedDraft && storageKey) setOffer(restoreOffer(readLocalDraft(localStorage, storageKey), loadedDraft.draft, loadedDraft.revision) ?? null);
  }, [loadedDraft, storageKey]);

  // Keep unsaved changes on the device, and drop the copy once saved (not while a copy is still offered).
  useEffect(() => {
    if (offer !== null || !storageKey || !draft || revision === undefined) return;
    if (dirty) writeLocalDraft(localStorage, storageKey, draft, revision);
    else clearLocalDraft(localStorage, storageKey);
  }, [offer, storageKey, draft, dirty, revision]);

  const restoreLocal = useCallback(() => {
    if (!offer) return;
    history.change(offer.local.draft, 'restore');
    setOffer(null);
    message.info(t('local.restored'));
  }, [offer, history, message, t]);
  const discardLocal = useCallback(() => {
    if (storageKey) clearLocalDraft(localStorage, storageKey);
    setOffer(null);
  }, [storageKey]);

  /** Shows the problems and opens the first of guide, form, flow that has some. */
  const showProblems = useCallback(
    (found: FieldError[]) => {
      setProblems(found);
      const first = (['guide', 'form', 'flow'] as const).find((part) => found.some((p) => tabOfPointer(p.pointer) === part));
      if (first && first !== tab) goTo(first);
    },
    [goTo, tab],
  );

  /** Saves the draft when it has changes; resolves whether it is saved now. */
  const save = useCallback(async (): Promise<boolean> => {
    if (!draft) return false;
    if (!dirty) return true;
    setSaving(true);
    try {
      const res = await api<{ revision: number; problems: FieldError[] }>(`/api/items/${id}/draft`, { method: 'PUT', body: { ...draft, expectedRevision: revision } });
      setSaved(draft);
      setRevision(res.revision);
      setProblems(res.problems);
      setChecked(false);
      message.success(t('save.done'));
      return true;
    } catch (error) {
      const e = error as ApiError;
      if (e.status === 409) setConflict(true);
      else if (e.status === 422 && e.errors.length > 0) {
        showProblems(e.errors);
        message.error(t('save.invalid', { n: e.errors.length }));
      } else message.error(t('save.failed', { message: e.message }));
      return false;
    } finally {
      setSaving(false);
    }
  }, [draft, dirty, id, revision, message, t, showProblems]);

  const check = useCallback(async (): Promise<FieldError[] | undefined> => {
    if (!(await save())) return undefined;
    try {
      const res = await api<{ ok: boolean; problems: FieldError[] }>(`/api/items/${id}/draft/check`, { body: {} });
      setChecked(true);
      if (res.problems.length > 0) {
        showProblems(res.problems);
        message.warning(t('check.problems', { n: res.problems.length }));
      } else {
        setProblems([]);
        message.success(t('check.ok'));
      }
      return res.problems;
    } catch (error) {
      message.error((error as Error).message);
      return undefined;
    }
  }, [save, id, showProblems, message, t]);

  const startPublish = useCallback(async () => {
    const found = await check();
    if (!found) return;
    if (found.length > 0) {
      message.error(t('publish.refused', { n: found.length }));
      return;
    }
    setPublishOpen(true);
  }, [check, message, t]);

  const confirmPublish = useCallback(async () => {
    setPublishing(true);
    try {
      const res = await api<{ version: number }>(`/api/items/${id}/publish`, { body: { expectedRevision: revision } });
      setPublishOpen(false);
      setLatestVersion(res.version);
      setVersionsKey((k) => k + 1);
      message.success(t('publish.done', { n: res.version }));
    } catch (error) {
      const e = error as ApiError;
      setPublishOpen(false);
      if (e.status === 422 && e.errors.length > 0) {
        showProblems(e.errors);
        message.error(t('publish.refused', { n: e.errors.length }));
      } else if (e.status === 409) setConflict(true);
      else message.error(t('publish.failed', { message: e.message }));
    } finally {
      setPublishing(false);
    }
  }, [id, revision, message, t, showProblems]);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo the whole draft; Ctrl+S saves. The JSON
  // editor keeps the browser's own undo for its text.
  const { undo, redo } = history;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if ((e.target as HTMLElement | null)?.closest?.('[data-native-undo]') && (key === 'z' || key === 'y')) return;
      if (key === 'z') {
        e.preventDefault();
        if (e.shiftKey) redo();
        else undo();
      } else if (key === 'y') {
        e.preventDefault();
        redo();
      } else if (key === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, save]);

  const liveGuideProblems = useMemo(() => (draft ? guideProblems(draft.item, locale).map((p) => ({ ...p, pointer: `/item${p.pointer}` })) : []), [draft, locale]);
  const partProblems = useMemo(() => {
    const of = (part: 'guide' | 'form' | 'flow') => problems.filter((p) => tabOfPointer(p.pointer) === part);
    return { guide: liveGuideProblems, form: of('form'), flow: of('flow') };
  }, [problems, liveGuideProblems]);
  const otherProblems = problems.filter((p) => tabOfPointer(p.pointer) === undefined);

  const change = history.change;
  const onGuide = useCallback((item: ServiceItem, field?: string) => draft && change({ ...draft, item }, field === undefined ? 'guide' : `guide:${field}`), [draft, change]);
  const onForm = useCallback(
    (next: { form: ItemDraft['form']; ui?: Record<string, unknown> }) => {
      if (!draft) return;
      const { ui: _ui, ...rest } = draft;
      change({ ...rest, form: next.form, ...(next.ui ? { ui: next.ui } : {}) }, 'form');
    },
    [draft, change],
  );
  const onFlow = useCallback((flow: FlowDefinition) => draft && change({ ...draft, flow }, 'flow'), [draft, change]);
  const formValue = useMemo(() => (draft ? { form: draft.form, ...(draft.ui ? { ui: draft.ui } : {}) } : undefined), [draft]);
  const saveFirst = useCallback(async () => {
    if (!(await save())) throw new Error(t('save.failed', { message: '' }));
  }, [save, t]);

  if (!sessionLoading && !mayDesign(principal?.roles)) {
    return <Result status="403" title={<h1 style={{ fontSize: 22 }}>{t('home.needDesigner')}</h1>} extra={<Link to={`/sign-in?next=${encodeURIComponent(`/designer/items/${itemId}/${tab}`)}`}><Button type="primary">{t('home.signIn')}</Button></Link>} />;
  }
  if (loadError) {
    return (
      <Result
        status={loadError.status === 404 ? '404' : 'error'}
        title={<h1 style={{ fontSize: 22 }}>{loadError.status === 404 ? t('page.notFound', { id: itemId }) : loadError.title}</h1>}
        extra={
          <Space>
            <Link to="/designer"><Button>{t('page.back')}</Button></Link>
            {loadError.status !== 404 && <Button type="primary" onClick={() => setAttempt((n) => n + 1)}>{t('page.retry')}</Button>}
          </Space>
        }
      />
    );
  }
  if (!draft) {
    return (
      <>
        <h1 style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('page.loading')}</h1>
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }

  const count = (key: TabKey) => (key === 'guide' || key === 'form' || key === 'flow' ? partProblems[key].length : 0);
  const tabLabel = (key: TabKey) => {
    const n = count(key);
    return (
      <span data-testid={`tab-${key}`}>
        {t(TAB_LABEL[key])}
        {n > 0 && <Badge count={n} size="small" style={{ marginInlineStart: 6 }} title={t('tab.problems', { n })} aria-label={t('tab.problems', { n })} />}
      </span>
    );
  };

  const content = (key: TabKey) => {
    switch (key) {
      case 'guide':
        return <GuideEditor value={draft.item} onChange={onGuide} draft={draft} problems={partProblems.guide} />;
      case 'form':
        return <FormBuilder value={formValue!} onChange={onForm} draft={draft} problems={partProblems.form} />;
      case 'flow':
        return <FlowDesigner value={draft.flow} onChange={onFlow} draft={draft} problems={partProblems.flow} />;
      case 'dry-run':
        return <DryRunPanel itemId={itemId} draft={draft} onSaveFirst={saveFirst} />;
      case 'versions':
        return <VersionsPanel itemId={itemId} draft={draft} refreshKey={versionsKey} onLoad={(d) => change(definitionOf(d), 'versions')} onPublished={(v) => setLatestVersion(v)} />;
      case 'claims':
        return <ClaimsPanel itemId={itemId} draft={draft} />;
      case 'json':
        return <JsonPanel itemId={itemId} draft={draft} onApply={(d) => change(definitionOf(d), 'json')} />;
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="designer-page">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Typography.Text type="secondary" data-testid="designer-breadcrumb"><Link to="/designer">{t('home.title')}</Link> / {itemId}</Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, margin: '4px 0' }} data-testid="designer-title">{text(draft.item.name) || itemId}</Typography.Title>
          <Space size={[4, 4]} wrap>
            <Tag color={latestVersion ? 'green' : 'default'} data-testid="designer-latest">{latestVersion ? t('status.latest', { n: latestVersion }) : t('status.unpublished')}</Tag>
            <Typography.Text type={dirty ? 'warning' : 'secondary'} role="status" data-testid="save-status">
              {saving ? t('status.saving') : dirty ? t('status.dirty') : t('status.saved', { revision: revision ?? '' })}
            </Typography.Text>
          </Space>
        </div>
        <Flex gap={6} wrap role="toolbar" aria-label={t('toolbar.label')}>
          <Tooltip title="Ctrl+Z">
            <Button icon={<UndoOutlined aria-hidden />} onClick={undo} disabled={!history.canUndo} data-testid="undo">{t('toolbar.undo')}</Button>
          </Tooltip>
          <Tooltip title="Ctrl+Shift+Z">
            <Button icon={<RedoOutlined aria-hidden />} onClick={redo} disabled={!history.canRedo} data-testid="redo">{t('toolbar.redo')}</Button>
          </Tooltip>
          <Button icon={<SaveOutlined aria-hidden />} onClick={() => void save()} loading={saving} disabled={!dirty} data-testid="save">{t('toolbar.save')}</Button>
          <Button icon={<CheckCircleOutlined aria-hidden />} onClick={() => void check()} data-testid="check">{t('toolbar.check')}</Button>
          <Button type="primary" icon={<CloudUploadOutlined aria-hidden />} onClick={() => void startPublish()} loading={publishing} data-testid="publish">{t('toolbar.publish')}</Button>
        </Flex>
      </Flex>

      {offer && (
        <Alert
          type="info"
          showIcon
          data-testid="local-draft"
          title={t('local.title')}
          description={
            <>
              {t('local.body', { time: chinaTime(offer.local.savedAt), revision: offer.local.revision })}
              {offer.newerOnServer && <Typography.Text type="warning" style={{ display: 'block' }}>{t('local.newer', { current: revision ?? '' })}</Typography.Text>}
            </>
          }
          action={
            <Space orientation="vertical" size={6}>
              <Button type="primary" size="small" onClick={restoreLocal} data-testid="local-draft-restore">{t('local.restore')}</Button>
              <Button size="small" onClick={discardLocal} data-testid="local-draft-discard">{t('local.discard')}</Button>
            </Space>
          }
        />
      )}
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="save-conflict"
          title={t('save.conflict')}
          action={<Button danger onClick={() => setAttempt((n) => n + 1)}>{t('save.reload')}</Button>}
        />
      )}
      {checked && problems.length === 0 && !dirty && <Alert type="success" showIcon title={t('check.ok')} data-testid="check-ok" closable />}
      {otherProblems.length > 0 && (
        <Alert type="warning" showIcon title={t('problems.other')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{otherProblems.map((p, i) => <li key={i}>{p.pointer} {p.message}</li>)}</ul>} />
      )}

      <Tabs
        activeKey={tab}
        onChange={(key) => goTo(key as TabKey)}
        items={TABS.map((key) => ({ key, label: tabLabel(key), children: key === tab ? <div data-testid={`part-${key}`}>{content(key)}</div> : null }))}
      />

      <LeavePrompt blocker={blocker} onSave={save} />
      <PublishDialog open={publishOpen} itemId={itemId} draft={draft} latestVersion={latestVersion} publishing={publishing} onCancel={() => setPublishOpen(false)} onConfirm={() => void confirmPublish()} />
    </Space>
  );
}
