/**
 * Every step of the flow as a table: the way to reach each step without the diagram (keyboard,
 * screen reader, phone). Each row shows the step's kind, who handles it, its deadline, where it
 * leads and its problems, with buttons to edit or delete it.
 */
import { Button, Flex, Tag } from 'antd';
import type { FieldError, FlowDefinition, FlowStep } from '@banshi/schemas';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { deleteStep } from './flow-edits.js';
import { KIND_COLOURS } from './flow-diagram.js';
import { STAFF_ROLES } from './flow-reference.js';
import { flowMessages, type FlowMessageKey } from './messages.js';

export interface StepTableProps {
  flow: FlowDefinition;
  selected?: number;
  problemsOf(index: number): FieldError[];
  onSelect(index: number): void;
  onChange(flow: FlowDefinition): void;
}

const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top', textAlign: 'left' } as const;
const head = { ...cell, whiteSpace: 'nowrap' } as const;

export function StepTable({ flow, selected, problemsOf, onSelect, onChange }: StepTableProps) {
  const t = useMessages(flowMessages);
  const { text } = useI18n();
  const roleName = (id: string | undefined) => (id ? text(STAFF_ROLES.find((r) => r.id === id)?.name) || id : '—');
  const leadsTo = (step: FlowStep): string => {
    const name = (id: string | undefined) => {
      const target = flow.steps.find((s) => s.id === id);
      return target ? text(target.name) || target.id : (id ?? '');
    };
    if (step.kind === 'parallel') {
      return [step.next && `${t('diagram.allApproved')} → ${name(step.next)}`, step.onReject && `${t('diagram.anyRejected')} → ${name(step.onReject)}`].filter(Boolean).join('；');
    }
    return (step.transitions ?? [])
      .map((tr) => {
        const on = tr.on ? t(`action.${tr.on}` as FlowMessageKey) : tr.when === undefined ? t('diagram.otherwise') : '';
        return `${on}${tr.when !== undefined ? `（${t('list.conditional')}）` : ''} → ${name(tr.to)}`;
      })
      .join('；');
  };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="flow-step-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14, minWidth: 640 }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{t('list.caption')}</caption>
        <thead>
          <tr style={{ background: '#fafafa' }}>
            <th scope="col" style={head}>{t('list.index')}</th>
            <th scope="col" style={head}>{t('list.name')}</th>
            <th scope="col" style={head}>{t('list.kind')}</th>
            <th scope="col" style={head}>{t('list.handler')}</th>
            <th scope="col" style={head}>{t('list.deadline')}</th>
            <th scope="col" style={head}>{t('list.leadsTo')}</th>
            <th scope="col" style={head}>{t('list.problems')}</th>
            <th scope="col" style={head}>{t('list.ops')}</th>
          </tr>
        </thead>
        <tbody>
          {flow.steps.map((step, i) => {
            const problems = problemsOf(i);
            const colours = KIND_COLOURS[step.kind];
            const handler = step.kind === 'task'
              ? `${roleName(step.role)} / ${step.department ?? 'lead'}`
              : step.kind === 'parallel'
                ? (step.branches ?? []).map((b) => `${text(b.name) || b.id}：${roleName(b.role)} / ${b.department}`).join('；')
                : '—';
            return (
              <tr key={i} data-testid={`flow-step-row-${step.id}`} data-selected={selected === i} style={{ background: selected === i ? '#e6f4ff' : problems.length ? '#fff1f0' : undefined }}>
                <td style={cell}>{i + 1}</td>
                <th scope="row" style={{ ...cell, fontWeight: 500 }}>
                  {text(step.name) || step.id}
                  <div style={{ fontFamily: 'monospace', fontSize: 12, color: '#595959' }}>
                    {step.id}{flow.start === step.id ? ` · ▶ ${t('panel.isStart')}` : ''}
                  </div>
                </th>
                <td style={cell}>
                  <Tag style={{ background: colours.fill, borderColor: colours.border, color: colours.text }}>{t(`kind.${step.kind}` as FlowMessageKey)}</Tag>
                </td>
                <td style={cell}>{handler}</td>
                <td style={cell}>{step.deadlineDays ? t('diagram.days', { n: step.deadlineDays }) : '—'}</td>
                <td style={cell}>{leadsTo(step) || '—'}</td>
                <td style={{ ...cell, color: '#a8071a' }}>{problems.map((p, k) => <div key={k}>⚠ {p.message}</div>)}</td>
                <td style={cell}>
                  <Flex gap={4} wrap>
                    <Button size="small" onClick={() => onSelect(i)} data-testid={`flow-edit-${step.id}`} aria-label={`${t('list.edit')} ${text(step.name) || step.id}`}>{t('list.edit')}</Button>
                    <Button size="small" danger disabled={flow.steps.length <= 1} onClick={() => onChange(deleteStep(flow, i))} data-testid={`flow-remove-${step.id}`} aria-label={`${t('list.delete')} ${text(step.name) || step.id}`}>
                      {t('list.delete')}
                    </Button>
                  </Flex>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
