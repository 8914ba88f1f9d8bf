/** The case history (audit events, oldest first) as a timeline: who did what, when, and the facts of it. */
import { Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages/zh-cn.js';
import type { AuditEvent } from './workbench-types.js';
import { chinaTime } from '../../china-time.js';

const STAFF_ROLES = ['window', 'reviewer', 'decider', 'disclosure'];

const colourOf = (action: AuditEvent['action']) =>
  (['notAccept', 'reject'].includes(action) ? 'red' : ['returnForCorrection', 'suspend', 'extend'].includes(action) ? 'orange' : ['complete', 'approve', 'accept'].includes(action) ? 'green' : 'blue');

interface Detail {
  correction?: { pointer?: string; message: string }[];
  extensionDays?: number;
  procedure?: string;
  reason?: string;
  dueDate?: { from: string | null; to: string | null };
}

/** The timeline; `fieldTitle` names a correction pointer by its form field title. */
export function CaseTimeline({ events, fieldTitle }: { events: AuditEvent[]; fieldTitle(pointer: string): string | undefined }) {
  const { t } = useI18n();
  if (!events.length) return <Typography.Text type="secondary">{t('staffCase.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="case-history"
      items={events.map((e) => {
        const detail = (e.detail ?? {}) as Detail;
        const who = e.actor.name ?? e.actor.userId;
        const role = STAFF_ROLES.includes(e.actor.role) ? t(`workbench.role.${e.actor.role}` as MessageKey) : undefined;
        return {
          key: e.seq,
          color: colourOf(e.action),
          content: (
            <div data-testid="history-event" data-action={e.action}>
              <Typography.Text strong>{t(`workbench.action.${e.action}`)}</Typography.Text>
              {' · '}
              <Typography.Text>{role ? t('staffCase.actor', { name: who, role }) : who}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {chinaTime(e.at)}
                {e.fromStatus && e.fromStatus !== e.toStatus ? ` · ${t(`workbench.status.${e.fromStatus}`)} → ${t(`workbench.status.${e.toStatus}`)}` : ''}
              </Typography.Text>
              {e.comment && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.comment}</Typography.Paragraph>}
              {detail.correction && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                  {detail.correction.map((c, i) => (
                    <li key={i}>
                      {c.pointer ? <Typography.Text strong>{fieldTitle(c.pointer) ?? c.pointer}：</Typography.Text> : null}
                      {c.message}
                    </li>
                  ))}
                </ul>
              )}
              {detail.procedure && (
                <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                  {t(`workbench.procedure.${detail.procedure}` as MessageKey)}
                  {detail.reason ? `：${detail.reason}` : ''}
                </Typography.Paragraph>
              )}
              {detail.extensionDays ? <Typography.Paragraph style={{ margin: '4px 0 0' }}>{t('staffCase.extendDays', { n: detail.extensionDays })}</Typography.Paragraph> : null}
              {detail.dueDate?.to && detail.dueDate.from !== detail.dueDate.to ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('staffCase.field.due')}：{detail.dueDate.from ?? '—'} → {detail.dueDate.to}
                </Typography.Text>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
