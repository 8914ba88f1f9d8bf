import { Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages/zh-cn.js';
import { codeName } from './code-names.js';
import type { AuditEvent } from './types.js';
import { MUTED } from './ui.js';

const actionColours: Record<string, string> = {
  submit: 'blue',
  accept: 'blue',
  approve: 'green',
  complete: 'green',
  returnForCorrection: 'orange',
  resubmit: 'blue',
  reject: 'red',
  notAccept: 'red',
  withdraw: 'gray',
  suspend: 'purple',
  resume: 'blue',
  extend: 'orange',
  transfer: 'blue',
};

export interface CaseTimelineProps {
  /** The case history, oldest first (as `/api/cases/{id}/history` returns it). */
  events: readonly AuditEvent[];
  /** Maps a correction item's pointer to a field title; the pointer itself when absent. */
  fieldTitle?: (pointer: string) => string;
  /** Newest first (default true). */
  newestFirst?: boolean;
}

/**
 * A case's history as a timeline: time, who, the action in words, the status change, the comment,
 * correction items, extension days, special procedure. `data-testid="case-timeline"`; each event
 * `data-testid="timeline-event"` with `data-action`.
 */
export function CaseTimeline({ events, fieldTitle, newestFirst = true }: CaseTimelineProps) {
  const { t, locale } = useI18n();
  const ordered = newestFirst ? [...events].reverse() : [...events];
  const actionName = (action: string) => {
    const key = `applicant.action.${action}` as MessageKey;
    const name = t(key);
    return name === key ? action : name;
  };
  const time = (at: string) => new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

  return (
    <div data-testid="case-timeline">
      <Timeline
        items={ordered.map((event) => {
          const detail = (event.detail ?? {}) as {
            correction?: { items?: { pointer?: string; message: string }[] };
            extensionDays?: number;
            procedure?: string;
            reason?: string;
            dueDate?: { from: string | null; to: string | null };
          };
          const who = event.actor.name ?? (event.actor.role === 'system' ? t('applicant.timeline.system') : event.actor.userId);
          return {
            key: String(event.seq),
            color: actionColours[event.action] ?? 'blue',
            content: (
              <div data-testid="timeline-event" data-action={event.action}>
                <div>
                  <Typography.Text strong>{actionName(event.action)}</Typography.Text>
                  <Typography.Text style={{ color: MUTED, marginInlineStart: 8 }}>
                    <time dateTime={event.at}>{time(event.at)}</time> · {who}
                  </Typography.Text>
                </div>
                <div>
                  {event.fromStatus && event.fromStatus !== event.toStatus
                    ? `${codeName('caseStatus', event.fromStatus, locale)} → ${codeName('caseStatus', event.toStatus, locale)}`
                    : codeName('caseStatus', event.toStatus, locale)}
                </div>
                {event.comment && <div>{t('applicant.timeline.comment')}: {event.comment}</div>}
                {detail.reason && <div>{t('applicant.timeline.reason')}: {detail.reason}</div>}
                {detail.procedure && <div>{t('applicant.timeline.procedure')}: {codeName('specialProcedure', detail.procedure, locale)}</div>}
                {detail.extensionDays !== undefined && <div>{t('applicant.timeline.extension', { n: detail.extensionDays })}</div>}
                {detail.correction?.items && detail.correction.items.length > 0 && (
                  <div>
                    {t('applicant.timeline.correctionItems')}:
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {detail.correction.items.map((item, i) => (
                        <li key={i}>{item.pointer ? `${fieldTitle ? fieldTitle(item.pointer) : item.pointer}: ` : ''}{item.message}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {detail.dueDate?.to && detail.dueDate.from && detail.dueDate.to !== detail.dueDate.from && (
                  <Typography.Text style={{ color: MUTED }}>{t('applicant.timeline.dueDateChanged', { from: detail.dueDate.from, to: detail.dueDate.to })}</Typography.Text>
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
