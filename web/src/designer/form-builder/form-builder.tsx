/**
 * The form builder: a palette of field kinds, the form's fields in order (steps, sections and
 * repeating groups with their fields; drag, keyboard or the arrow buttons to reorder), the
 * selected field's properties and rules, and a live preview drawn by the real renderer.
 *
 * It is controlled: every edit is one new `{form, ui}` passed to `onChange`, so the designer's
 * undo and redo cover the form like every other part of the draft.
 */
import {
  CalculatorOutlined,
  CheckCircleOutlined,
  DeleteOutlined,
  DownOutlined,
  EyeOutlined,
  HolderOutlined,
  PlusOutlined,
  UpOutlined,
} from '@ant-design/icons';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Alert, Button, Flex, Input, Popconfirm, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { fieldsOfForm } from '../rules/rule-fields.js';
import type { FormDefinition } from '@banshi/schemas';
import type { PartEditorProps } from '../part-editor-props.js';
import { FieldProperties } from './field-properties.js';
import { FormPreview } from './form-preview.js';
import {
  addField,
  effectiveUi,
  entryAt,
  FieldIdentities,
  fieldTree,
  flatten,
  moveField,
  pathId,
  pathOfProblem,
  PALETTE,
  removeField,
  rulesOf,
  samePath,
  type BuilderValue,
  type FieldEntry,
  type FieldKind,
  type Path,
} from './form-model.js';
import { formBuilderMessages } from './messages.js';

export type FormBuilderValue = { form: FormDefinition; ui?: Record<string, unknown> };
type T = ReturnType<typeof useMessages<keyof (typeof formBuilderMessages)['zh-CN']>>;

const STYLE = `
.fb-layout{display:grid;grid-template-columns:minmax(140px,170px) minmax(0,1fr) minmax(320px,440px);gap:16px;align-items:start}
.fb-palette{display:grid;gap:6px}
.fb-palette .ant-btn{justify-content:flex-start;white-space:normal;height:auto;min-height:24px;text-align:start}
.fb-list{list-style:none;margin:0;padding:0;display:grid;gap:6px}
.fb-list .fb-list{margin:6px 0 0 0;padding-inline-start:20px;border-inline-start:2px dashed #d9d9d9}
.fb-row{border:1px solid #d9d9d9;border-radius:6px;background:#fff;padding:6px 8px}
.fb-row[data-selected=true]{border-color:#1677ff;box-shadow:0 0 0 2px rgba(22,119,255,.15)}
.fb-row[data-problem=true]{border-color:#c8161d}
.fb-row-main{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.fb-row-label{flex:1 1 120px;min-width:0;text-align:start;background:none;border:0;padding:4px 0;cursor:pointer;font:inherit;color:inherit}
.fb-row-label:focus-visible{outline:2px solid #1677ff}
.fb-key{color:#595959;font-size:12px}
@media (max-width: 960px){.fb-layout{grid-template-columns:minmax(0,1fr)}.fb-palette{grid-template-columns:repeat(auto-fill,minmax(130px,1fr))}}
`;

const isContainerKind = (kind: FieldKind) => kind === 'step' || kind === 'section' || kind === 'group';

export function FormBuilder({ value, onChange, draft, problems }: PartEditorProps<FormBuilderValue>) {
  const t = useMessages(formBuilderMessages);
  const { locale, text } = useI18n();
  const builder: BuilderValue = value;
  const [selected, setSelected] = useState<Path | undefined>();
  const [tab, setTab] = useState<'properties' | 'preview'>('properties');
  const aside = useRef<HTMLElement>(null);
  // Rows and properties are keyed by the field's identity, not its key: renaming a field (committed
  // when its key input loses focus, often to the click on the next control) must not remount them.
  const [identities] = useState(() => new FieldIdentities());
  const moved = (to: Path) => {
    if (selected) identities.move(selected, to);
    setSelected(to);
  };

  const tree = useMemo(() => fieldTree(builder), [builder]);
  const all = useMemo(() => flatten(tree), [tree]);
  const entry = selected ? all.find((e) => samePath(e.path, selected)) : undefined;
  const materials = draft.item.materials ?? [];
  const materialIds = useMemo(() => new Set(materials.map((m) => m.id)), [materials]);

  // Problems of the check, by field; the rest belong to the form as a whole.
  const { byField, general } = useMemo(() => {
    const map = new Map<string, string[]>();
    const rest: string[] = [];
    for (const p of problems) {
      const path = pathOfProblem(builder, p.pointer);
      if (path && entryAt(builder, path)) map.set(pathId(path), [...(map.get(pathId(path)) ?? []), p.message]);
      else rest.push(p.message);
    }
    return { byField: map, general: rest };
  }, [problems, builder]);

  const ruleFieldsAll = useMemo(() => fieldsOfForm(value.form, locale, effectiveUi(builder)), [value.form, locale, builder]);
  const ruleFields = useMemo(() => {
    if (!entry) return ruleFieldsAll;
    const own = entry.path.join('.');
    return ruleFieldsAll.filter((f) => f.path !== own && !f.path.startsWith(`${own}.`));
  }, [ruleFieldsAll, entry]);

  // New fields go into the selected step, section or group, or beside the selected field.
  const target: Path = entry ? (isContainerKind(entry.kind) ? entry.path : entry.path.slice(0, -1)) : [];
  const targetEntry = target.length ? all.find((e) => samePath(e.path, target)) : undefined;

  const add = (kind: FieldKind) => {
    const unused = materials.find((m) => !all.some((e) => (e.node['x-attachment'] as { material?: string } | undefined)?.material === m.id));
    const material = kind === 'attachment' ? unused : undefined;
    const label = material ? material.name : { 'zh-CN': formBuilderMessages['zh-CN'][`default.${kind}`], en: formBuilderMessages.en[`default.${kind}`] };
    const result = addField(builder, kind, target, {
      label,
      ...(material ? { material: material.id } : {}),
      optionLabels: [
        { 'zh-CN': formBuilderMessages['zh-CN']['option.1'], en: formBuilderMessages.en['option.1'] },
        { 'zh-CN': formBuilderMessages['zh-CN']['option.2'], en: formBuilderMessages.en['option.2'] },
      ],
    });
    if (!result.path) return;
    onChange(result.value);
    setSelected(result.path);
    setTab('properties');
  };

  const remove = (path: Path) => {
    onChange(removeField(builder, path));
    if (selected && selected.length >= path.length && samePath(selected.slice(0, path.length), path)) setSelected(undefined);
  };

  const move = (path: Path, to: number) => onChange(moveField(builder, path, to));

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = useMemo(() => new Map(all.map((e) => [JSON.stringify(e.path), e])), [all]);
  const labelOfId = (id: unknown) => {
    const e = byId.get(String(id));
    return e ? String(e.node.title ?? e.key) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.start', { label: labelOfId(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('dnd.over', { label: labelOfId(active.id), over: labelOfId(over.id) }) : undefined),
    onDragEnd: ({ active }) => t('dnd.end', { label: labelOfId(active.id) }),
    onDragCancel: ({ active }) => t('dnd.cancel', { label: labelOfId(active.id) }),
  };
  // Fields are reordered among their siblings: only they are drop targets (not the fields of a section in between).
  const collision: CollisionDetection = (args) => {
    const parent = JSON.stringify((JSON.parse(String(args.active.id)) as string[]).slice(0, -1));
    const siblings = args.droppableContainers.filter((c) => JSON.stringify((JSON.parse(String(c.id)) as string[]).slice(0, -1)) === parent);
    return closestCenter({ ...args, droppableContainers: siblings });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = byId.get(String(active.id));
    const to = byId.get(String(over.id));
    // Reordering stays among siblings; another section is chosen in the properties.
    if (!from || !to || !samePath(from.path.slice(0, -1), to.path.slice(0, -1))) return;
    const siblings = from.path.length === 1 ? tree : all.find((e) => samePath(e.path, from.path.slice(0, -1)))?.children ?? [];
    move(from.path, siblings.findIndex((s) => samePath(s.path, to.path)));
  };

  const rootTitle = String((value.form.schema as { title?: unknown }).title ?? '');
  const rootLabelEn = String(((effectiveUi(builder)['ui:options'] ?? {}) as { labelEn?: unknown }).labelEn ?? '');
  const setRoot = (title: string, labelEn: string) => {
    const schema = { ...value.form.schema, title } as FormDefinition['schema'] & { title?: string };
    if (!title) delete schema.title;
    const ui = { ...effectiveUi(builder) };
    const options = { ...((ui['ui:options'] ?? {}) as Record<string, unknown>) };
    if (labelEn) options.labelEn = labelEn;
    else delete options.labelEn;
    if (Object.keys(options).length) ui['ui:options'] = options;
    else delete ui['ui:options'];
    const { uiSchema: _old, ...form } = value.form;
    onChange({ form: { ...form, schema }, ui });
  };

  const properties = entry ? (
    <FieldProperties
      key={identities.of(entry.path)}
      value={builder}
      onChange={onChange}
      entry={entry}
      onMoved={moved}
      materials={materials}
      ruleFields={ruleFields}
      problems={byField.get(pathId(entry.path)) ?? []}
    />
  ) : (
    <Typography.Text type="secondary">{t('noSelection')}</Typography.Text>
  );

  return (
    <div className="fb-layout" data-testid="form-builder">
      <style>{STYLE}</style>
      <nav aria-label={t('palette')} data-testid="form-palette">
        <Typography.Title level={5} style={{ marginTop: 0 }}>{t('palette')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('addTo', { target: targetEntry ? String(targetEntry.node.title ?? targetEntry.key) : t('root') })}
        </Typography.Paragraph>
        <div className="fb-palette">
          {PALETTE.map((kind) => (
            <Button key={kind} size="small" icon={<PlusOutlined />} data-testid={`palette-${kind}`} onClick={() => add(kind)}>
              {t(`kind.${kind}`)}
            </Button>
          ))}
        </div>
      </nav>

      <section aria-label={t('canvas')} data-testid="form-canvas" style={{ display: 'grid', gap: 8, minWidth: 0 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('canvas')}</Typography.Title>
        <Flex gap={8} wrap>
          <label style={{ display: 'grid', gap: 2, flex: '1 1 200px' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('title.form')}</Typography.Text>
            <Input data-testid="form-title" value={rootTitle} onChange={(e) => setRoot(e.target.value, rootLabelEn)} />
          </label>
          <label style={{ display: 'grid', gap: 2, flex: '1 1 200px' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('title.formEn')}</Typography.Text>
            <Input data-testid="form-title-en" value={rootLabelEn} onChange={(e) => setRoot(rootTitle, e.target.value)} />
          </label>
        </Flex>
        {general.length > 0 && (
          <Alert type="error" showIcon data-testid="form-problems" title={t('problems.form')}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{general.map((m, i) => <li key={i}>{m}</li>)}</ul>} />
        )}
        {tree.length === 0 ? (
          <Typography.Text type="secondary">{t('canvasEmpty')}</Typography.Text>
        ) : (
          <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd}
            accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}>
            <FieldList
              entries={tree}
              ctx={{ builder, selected, select: (p) => {
                setSelected(p);
                setTab('properties');
                // Stacked on a phone: the properties are below the list, bring them into view.
                if (window.matchMedia('(max-width: 960px)').matches) window.setTimeout(() => aside.current?.scrollIntoView({ block: 'start' }), 0);
              }, move, remove, byField, materialIds, identities, t, text }}
            />
          </DndContext>
        )}
      </section>

      <aside ref={aside} aria-label={t('properties')} style={{ minWidth: 0 }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'properties' | 'preview')}
          items={[
            { key: 'properties', label: <span data-testid="tab-properties">{t('properties')}</span>, children: properties },
            { key: 'preview', label: <span data-testid="tab-preview">{t('preview')}</span>, children: <FormPreview value={builder} /> },
          ]}
        />
      </aside>
    </div>
  );
}

/** What the builder itself sees wrong with a field, before any check on the server. */
function warningsOf(entry: FieldEntry, materialIds: ReadonlySet<string>, t: T): string[] {
  const out: string[] = [];
  const node = entry.node;
  if (!node.title) out.push(t('warn.noLabel'));
  if (entry.kind === 'attachment') {
    const material = (node['x-attachment'] as { material?: string } | undefined)?.material;
    if (!material) out.push(t('warn.noMaterial'));
    else if (!materialIds.has(material)) out.push(t('warn.unknownMaterial', { id: material }));
  }
  for (const [min, max] of [['minLength', 'maxLength'], ['minimum', 'maximum'], ['minItems', 'maxItems']] as const) {
    if (typeof node[min] === 'number' && typeof node[max] === 'number' && node[min] > node[max]) out.push(t('warn.minMax'));
  }
  if (entry.children && entry.children.length === 0) out.push(t('warn.emptyGroup'));
  return out;
}

interface ListContext {
  builder: BuilderValue;
  selected: Path | undefined;
  select(path: Path): void;
  move(path: Path, to: number): void;
  remove(path: Path): void;
  byField: Map<string, string[]>;
  materialIds: ReadonlySet<string>;
  identities: FieldIdentities;
  t: T;
  text(value: { 'zh-CN': string; en?: string } | undefined): string;
}

function FieldList({ entries, ctx }: { entries: FieldEntry[]; ctx: ListContext }) {
  const ids = entries.map((e) => JSON.stringify(e.path));
  return (
    <SortableContext items={ids} strategy={verticalListSortingStrategy}>
      <ul className="fb-list">
        {entries.map((entry, i) => (
          <FieldRow key={ctx.identities.of(entry.path)} id={ids[i]!} entry={entry} index={i} count={entries.length} ctx={ctx} />
        ))}
      </ul>
    </SortableContext>
  );
}

function FieldRow({ id, entry, index, count, ctx }: { id: string; entry: FieldEntry; index: number; count: number; ctx: ListContext }) {
  const { t, builder } = ctx;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const labelEn = (entry.ui['ui:options'] as { labelEn?: unknown } | undefined)?.labelEn;
  const label = ctx.text({ 'zh-CN': String(entry.node.title || entry.key), ...(typeof labelEn === 'string' && labelEn ? { en: labelEn } : {}) });
  const testId = `field-${pathId(entry.path)}`;
  const selected = ctx.selected !== undefined && samePath(ctx.selected, entry.path);
  const problems = ctx.byField.get(pathId(entry.path)) ?? [];
  const warnings = warningsOf(entry, ctx.materialIds, t);
  const visible = rulesOf(builder, entry.path, 'visible').length > 0;
  const calculated = rulesOf(builder, entry.path, 'calculate').length > 0;
  const checked = rulesOf(builder, entry.path, 'check').length > 0;
  const kindLabel = entry.kind === 'step' && entry.path.length === 1 ? t('kind.step') : t(`kind.${entry.kind}`);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, position: 'relative', zIndex: isDragging ? 2 : undefined }}
    >
      <div className="fb-row" data-testid={testId} data-selected={selected} data-problem={problems.length > 0}>
        <div className="fb-row-main">
          <Button
            ref={setActivatorNodeRef}
            type="text"
            size="small"
            icon={<HolderOutlined />}
            aria-label={t('drag', { label })}
            data-testid={`${testId}-drag`}
            style={{ cursor: 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
          />
          <button type="button" className="fb-row-label" aria-pressed={selected} data-testid={`${testId}-select`} onClick={() => ctx.select(entry.path)}>
            <Tag color={isContainerKind(entry.kind) ? 'blue' : undefined} style={{ marginInlineEnd: 6 }}>{kindLabel}</Tag>
            <span>{label}</span>
            {entry.required && <span aria-label={t('required')} style={{ color: '#c8161d', marginInlineStart: 2 }}>*</span>}
            <span className="fb-key" style={{ marginInlineStart: 8 }}>{entry.key}</span>
          </button>
          {visible && <Tooltip title={t('conditional')}><EyeOutlined aria-label={t('conditional')} data-testid={`${testId}-conditional`} /></Tooltip>}
          {calculated && <Tooltip title={t('calculated')}><CalculatorOutlined aria-label={t('calculated')} /></Tooltip>}
          {checked && <Tooltip title={t('checked')}><CheckCircleOutlined aria-label={t('checked')} /></Tooltip>}
          <Button type="text" size="small" icon={<UpOutlined />} aria-label={t('moveUp', { label })} data-testid={`${testId}-up`}
            disabled={index === 0} onClick={() => ctx.move(entry.path, index - 1)} />
          <Button type="text" size="small" icon={<DownOutlined />} aria-label={t('moveDown', { label })} data-testid={`${testId}-down`}
            disabled={index === count - 1} onClick={() => ctx.move(entry.path, index + 1)} />
          <Popconfirm title={t('removeConfirm', { label })} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => ctx.remove(entry.path)}
            okButtonProps={{ 'data-testid': `${testId}-remove-confirm` } as Record<`data-${string}`, string>}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('remove', { label })} data-testid={`${testId}-remove`} />
          </Popconfirm>
        </div>
        {problems.map((p, i) => (
          <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 12 }} data-testid={`${testId}-problem`}>{p}</Typography.Text>
        ))}
        {warnings.map((w, i) => (
          <Typography.Text key={i} type="warning" style={{ display: 'block', fontSize: 12 }} data-testid={`${testId}-warning`}>{w}</Typography.Text>
        ))}
        {entry.children && (
          <>
            {entry.kind === 'group' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('groupHint')}</Typography.Text>}
            {entry.children.length > 0 && <FieldList entries={entry.children} ctx={ctx} />}
          </>
        )}
      </div>
    </li>
  );
}
