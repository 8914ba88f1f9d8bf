/**
 * The case history (audit events, oldest first) as a timeline: who did what, when, in which branch
 * and department, and the facts of it — in the words of the case's item type.
 */
import { Timeline, Typography } from 'antd';
import { useI18n } from '../shared/i18n.js';
import type { MessageKey } from '../shared/messages/zh-cn.js';
import { useCaseWords } from '../shared/use-case-words.js';
import type { EventPlaces } from '../shared/use-event-places.js';
import type { AuditEvent } from './workbench-types.js';
import { chinaTime } from '../shared/china-time.js';

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

/**
 * The timeline; `fieldTitle` names a correction pointer by its form field title, `places` the branch
 * and department of each event (useEventPlaces).
 */
export function CaseTimeline({ events, fieldTitle, itemType, places }: {
  events: AuditEvent[];
  fieldTitle(pointer: string): string | undefined;
  itemType: string | undefined;
  places: EventPlaces;
}) {
  const { t } = useI18n();
  const words = useCaseWords(itemType);
  if (!events.length) return <Typography.Text type="secondary">{t('staffCase.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="case-history"
      items={events.map((e) => {
        const detail = (e.detail ?? {}) as Detail;
        const who = e.actor.name ?? e.actor.userId;
        const role = STAFF_ROLES.includes(e.actor.role) ? t(`workbench.role.${e.actor.role}` as MessageKey) : undefined;
        const where = places.where(e);
        const cancelled = places.cancelled(e);
        return {
          key: e.seq,
          color: colourOf(e.action),
          content: (
            <div data-testid="history-event" data-action={e.action} data-branch-id={e.branchId}>
              <Typography.Text strong>{words.event(e.action, Boolean(e.branchId))}</Typography.Text>
              {' · '}
              <Typography.Text>{role ? t('staffCase.actor', { name: who, role }) : who}</Typography.Text>
              {where && <Typography.Text style={{ display: 'block' }} data-testid="history-where">{where}</Typography.Text>}
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {chinaTime(e.at)}
                {e.fromStatus && e.fromStatus !== e.toStatus ? ` · ${words.status(e.fromStatus)} → ${words.status(e.toStatus)}` : ''}
              </Typography.Text>
              {cancelled && <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="history-cancelled">{cancelled}</Typography.Text>}
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
