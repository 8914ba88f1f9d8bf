/**
 * Where a case's or task's deadline stands, as a coloured tag — overdue red, due soon amber, on time
 * green, paused or finished grey — for the applicant and the staff alike. The staff read the state's
 * name (已超期 / 即将到期 …) beside a due-date column of their own; the applicant reads the due date
 * and the working days left, with 暂定 beside a provisional due date.
 * `data-testid="deadline"`, `data-state` is the state.
 */
import type { Deadline, DeadlineState } from './api-types.generated.js';
import { useI18n } from './i18n.js';
import { ProvisionalMark } from './provisional-mark.js';
import { ToneTag, type Tone } from './tone-tag.js';

export const DEADLINE_TONES: Readonly<Record<DeadlineState, Tone>> = {
  overdue: 'red',
  dueSoon: 'amber',
  onTime: 'green',
  paused: 'grey',
  finished: 'grey',
};

/** Text dark enough for WCAG AA on white (antd's secondary grey is not). */
const MUTED = '#595959';

/**
 * `show="state"` (the workbench): the state's name. `show="due"` (the applicant, default): the due
 * date and the working days left; while paused or once finished, the state's name as the staff read it.
 */
export function DeadlineTag({ deadline, show = 'due' }: { deadline: Deadline | undefined; show?: 'due' | 'state' }) {
  const { t } = useI18n();
  const remainingText = useRemainingText();
  const state = deadline?.state ?? 'finished';
  if (show === 'state') {
    return <ToneTag tone={DEADLINE_TONES[state]} data-testid="deadline" data-state={state}>{t(`workbench.deadline.${state}`)}</ToneTag>;
  }
  if (!deadline || state === 'finished') return <span style={{ color: MUTED }} data-testid="deadline" data-state="finished">{t('workbench.deadline.finished')}</span>;
  if (state === 'paused') return <ToneTag tone={DEADLINE_TONES.paused} data-testid="deadline" data-state="paused">{t('workbench.deadline.paused')}</ToneTag>;
  const due = deadline.dueDate ? t('applicant.deadline.due', { date: deadline.dueDate }) : '';
  const left = deadline.remainingWorkingDays;
  return (
    <>
      <ToneTag tone={DEADLINE_TONES[state]} data-testid="deadline" data-state={state}>
        {[due, left === undefined ? '' : remainingText(left)].filter(Boolean).join(' · ')}
      </ToneTag>
      <ProvisionalMark provisional={deadline.provisional} />
    </>
  );
}

/** "剩余 3 个工作日" / "今日到期" / "超期 2 个工作日" for a count of remaining working days. */
export function useRemainingText(): (remaining: number | undefined) => string {
  const { t } = useI18n();
  return (remaining) => {
    if (remaining === undefined) return '—';
    if (remaining < 0) return t('workbench.overdueBy', { n: -remaining });
    if (remaining === 0) return t('workbench.dueToday');
    return t('workbench.remaining', { n: remaining });
  };
}
