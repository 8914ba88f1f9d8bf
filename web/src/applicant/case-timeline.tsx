import { Timeline, Typography } from 'antd';
import { useI18n } from '../shared/i18n.js';
import { useCaseWords } from '../shared/use-case-words.js';
import type { EventPlaces } from '../shared/use-event-places.js';
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
  /** The item type of the case: picks the words of its decisions. */
  itemType?: string;
  /** Names the branch and department of each event (useEventPlaces). */
  places: EventPlaces;
}

/**
 * A case's history as a timeline: time, who (the department for staff: the server never sends an
 * applicant the staff member's name), the branch, the action in the words of the item type, the
 * status change, the comment, correction items, extension days, special procedure.
 * `data-testid="case-timeline"`; each event `data-testid="timeline-event"` with `data-action`.
 */
export function CaseTimeline({ events, fieldTitle, newestFirst = true, itemType, places }: CaseTimelineProps) {
  const { t, locale } = useI18n();
  const words = useCaseWords(itemType);
  const ordered = newestFirst ? [...events].reverse() : [...events];
  const time = (at: string) => new Date(at).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

  return (
    <div data-testid="case-timeline">
      <Timeline
        items={ordered.map((event) => {
          const detail = (event.detail ?? {}) as {
            // The engine records the correction items as a list (older events: { items }).
            correction?: { pointer?: string; message: string }[] | { items?: { pointer?: string; message: string }[] };
            extensionDays?: number;
            procedure?: string;
            reason?: string;
            dueDate?: { from: string | null; to: string | null };
          };
          const who = event.actor.role === 'system'
            ? t('applicant.timeline.system')
            : event.actor.role === 'applicant' || event.actor.role === 'agent'
              ? event.actor.name ?? event.actor.userId
              : places.where(event) ?? places.department(event.actor.departmentId) ?? t('applicant.timeline.staff');
          const cancelled = places.cancelled(event);
          const correctionItems = Array.isArray(detail.correction) ? detail.correction : detail.correction?.items;
          return {
            key: String(event.seq),
            color: actionColours[event.action] ?? 'blue',
            content: (
              <div data-testid="timeline-event" data-action={event.action} data-branch-id={event.branchId}>
                <div>
                  <Typography.Text strong>{words.event(event.action, Boolean(event.branchId))}</Typography.Text>
                  <Typography.Text style={{ color: MUTED, marginInlineStart: 8 }}>
                    <time dateTime={event.at}>{time(event.at)}</time> · <span data-testid="timeline-who">{who}</span>
                  </Typography.Text>
                </div>
                <div>
                  {event.fromStatus && event.fromStatus !== event.toStatus
                    ? `${words.status(event.fromStatus)} → ${words.status(event.toStatus)}`
                    : words.status(event.toStatus)}
                </div>
                {cancelled && <div style={{ color: MUTED }} data-testid="timeline-cancelled">{cancelled}</div>}
                {event.comment && <div>{t('applicant.timeline.comment')}: {event.comment}</div>}
                {detail.reason && <div>{t('applicant.timeline.reason')}: {detail.reason}</div>}
                {detail.procedure && <div>{t('applicant.timeline.procedure')}: {codeName('specialProcedure', detail.procedure, locale)}</div>}
                {detail.extensionDays !== undefined && <div>{t('applicant.timeline.extension', { n: detail.extensionDays })}</div>}
                {correctionItems && correctionItems.length > 0 && (
                  <div>
                    {t('applicant.timeline.correctionItems')}:
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {correctionItems.map((item, i) => (
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
