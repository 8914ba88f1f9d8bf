/**
 * A case's history as a timeline, for the applicant and the staff alike: the action in the words of
 * the case's item type, when (China Standard Time), who, the status change, the comment, correction
 * items, special procedure and extension. The applicant reads the newest first and, for a staff
 * member's action, the department and branch (the server never sends an applicant a staff member's
 * name); the staff read it oldest first with each actor's name and role and the branch on a line
 * of its own.
 * The applicant's: `data-testid="case-timeline"`, events `timeline-event` (`timeline-who`,
 * `timeline-cancelled`); the staff's: `case-history`, events `history-event` (`history-where`,
 * `history-cancelled`); each event carries `data-action` and `data-branch-id`.
 */
import { Timeline, Typography } from 'antd';
import type { AuditEvent } from '@banshi/schemas';
import { chinaTime } from './china-time.js';
import { useI18n } from './i18n.js';
import type { MessageKey } from './messages/zh-cn.js';
import { useCaseWords } from './use-case-words.js';
import type { EventPlaces } from './use-event-places.js';

/** The dot of an event: the colour of the status it leads to (see case-status-tag.tsx). */
const ACTION_COLOURS: Readonly<Record<string, string>> = {
  submit: 'blue',
  resubmit: 'blue',
  accept: 'blue',
  transfer: 'blue',
  resume: 'blue',
  approve: 'green',
  complete: 'green',
  returnForCorrection: 'orange',
  extend: 'orange',
  suspend: 'gray',
  withdraw: 'gray',
  reject: 'red',
  notAccept: 'red',
};

const STAFF_ROLES = ['window', 'reviewer', 'decider', 'disclosure'];

/** Text dark enough for WCAG AA on white (antd's secondary grey is not). */
const MUTED = '#595959';

interface Detail {
  // The engine records the correction items as a list (older events: { items }).
  correction?: { pointer?: string; message: string }[] | { items?: { pointer?: string; message: string }[] };
  extensionDays?: number;
  procedure?: string;
  reason?: string;
  dueDate?: { from: string | null; to: string | null };
}

export interface CaseTimelineProps {
  /** The case history, oldest first (as `/api/cases/{id}/history` returns it). */
  events: readonly AuditEvent[];
  /** Whose view: the applicant's (newest first, departments for staff) or the staff's. */
  audience: 'applicant' | 'staff';
  /** Names a correction item's field by its form title; the pointer itself when absent. */
  fieldTitle?: (pointer: string) => string | undefined;
  /** The item type of the case: picks the words of its decisions. */
  itemType?: string | undefined;
  /** Names the branch and department of each event (useEventPlaces). */
  places: EventPlaces;
}

export function CaseTimeline({ events, audience, fieldTitle, itemType, places }: CaseTimelineProps) {
  const { t } = useI18n();
  const words = useCaseWords(itemType);
  const staff = audience === 'staff';
  const id = staff ? 'history' : 'timeline';
  if (staff && !events.length) return <Typography.Text type="secondary">{t('staffCase.noHistory')}</Typography.Text>;
  const ordered = staff ? events : [...events].reverse();

  const who = (event: AuditEvent): string => {
    if (staff) {
      const name = event.actor.name ?? event.actor.userId;
      return STAFF_ROLES.includes(event.actor.role) ? t('staffCase.actor', { name, role: t(`workbench.role.${event.actor.role}` as MessageKey) }) : name;
    }
    if (event.actor.role === 'system') return t('applicant.timeline.system');
    if (event.actor.role === 'applicant' || event.actor.role === 'agent') return event.actor.name ?? event.actor.userId;
    return places.where(event) ?? places.department(event.actor.departmentId) ?? t('applicant.timeline.staff');
  };

  return (
    <div data-testid={staff ? 'case-history' : 'case-timeline'}>
      <Timeline
        items={ordered.map((event) => {
          const detail = (event.detail ?? {}) as Detail;
          const where = staff ? places.where(event) : undefined;
          const cancelled = places.cancelled(event);
          const correctionItems = Array.isArray(detail.correction) ? detail.correction : detail.correction?.items;
          const procedure = detail.procedure && t(`workbench.procedure.${detail.procedure}` as MessageKey);
          return {
            key: String(event.seq),
            color: ACTION_COLOURS[event.action] ?? 'blue',
            content: (
              <div data-testid={`${id}-event`} data-action={event.action} data-branch-id={event.branchId}>
                <div>
                  <Typography.Text strong>{words.event(event.action, Boolean(event.branchId))}</Typography.Text>
                  <Typography.Text style={{ color: MUTED, marginInlineStart: 8 }}>
                    <time dateTime={event.at}>{chinaTime(event.at)}</time> · <span data-testid={`${id}-who`}>{who(event)}</span>
                  </Typography.Text>
                </div>
                {where && <div data-testid="history-where">{where}</div>}
                <div>
                  {event.fromStatus && event.fromStatus !== event.toStatus
                    ? `${words.status(event.fromStatus)} → ${words.status(event.toStatus)}`
                    : words.status(event.toStatus)}
                </div>
                {cancelled && <div style={{ color: MUTED }} data-testid={`${id}-cancelled`}>{cancelled}</div>}
                {event.comment && <div>{t('applicant.timeline.comment')}: {event.comment}</div>}
                {procedure && <div>{t('applicant.timeline.procedure')}: {procedure}</div>}
                {detail.reason && <div>{t('applicant.timeline.reason')}: {detail.reason}</div>}
                {detail.extensionDays ? <div>{t('applicant.timeline.extension', { n: detail.extensionDays })}</div> : null}
                {correctionItems && correctionItems.length > 0 && (
                  <div>
                    {t('applicant.timeline.correctionItems')}:
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {correctionItems.map((item, i) => (
                        <li key={i}>{item.pointer ? `${fieldTitle?.(item.pointer) ?? item.pointer}: ` : ''}{item.message}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {detail.dueDate?.to && detail.dueDate.from && detail.dueDate.to !== detail.dueDate.from && (
                  <div style={{ color: MUTED }}>{t('applicant.timeline.dueDateChanged', { from: detail.dueDate.from, to: detail.dueDate.to })}</div>
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
