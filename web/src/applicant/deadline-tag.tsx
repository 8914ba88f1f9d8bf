import { Typography } from 'antd';
import { useI18n } from '../shared/i18n.js';
import { ProvisionalMark } from '../shared/provisional-mark.js';
import type { Deadline } from './types.js';
import { MUTED, SoftTag } from './ui.js';

/**
 * Where a case's deadline stands: the due date and the working days left; overdue red, due soon
 * amber, paused grey, and 暂定 beside a provisional due date. `data-testid="deadline"`, `data-state` is the state.
 */
export function DeadlineTag({ deadline }: { deadline?: Deadline }) {
  const { t } = useI18n();
  if (!deadline || deadline.state === 'finished') return <Typography.Text style={{ color: MUTED }} data-testid="deadline" data-state="finished">{t('applicant.deadline.finished')}</Typography.Text>;
  const due = deadline.dueDate ? t('applicant.deadline.due', { date: deadline.dueDate }) : '';
  const left = deadline.remainingWorkingDays;
  if (deadline.state === 'paused') {
    return <SoftTag data-testid="deadline" data-state="paused">{t('applicant.deadline.paused')}</SoftTag>;
  }
  if (deadline.state === 'overdue') {
    return (
      <>
        <SoftTag tone="red" data-testid="deadline" data-state="overdue">
          {due} · {t('applicant.deadline.overdue', { n: Math.abs(left ?? 0) })}
        </SoftTag>
        <ProvisionalMark provisional={deadline.provisional} />
      </>
    );
  }
  return (
    <>
      <SoftTag tone={deadline.state === 'dueSoon' ? 'amber' : 'grey'} data-testid="deadline" data-state={deadline.state}>
        {due}
        {left !== undefined ? ` · ${t('applicant.deadline.left', { n: left })}` : ''}
      </SoftTag>
      <ProvisionalMark provisional={deadline.provisional} />
    </>
  );
}
