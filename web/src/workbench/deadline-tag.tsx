/** The deadline state of a case or task as a coloured tag: overdue red, due soon amber, paused grey. */
import { useI18n } from '../shared/i18n.js';
import { ProvisionalMark } from '../shared/provisional-mark.js';
import { ToneTag, type Tone } from '../shared/tone-tag.js';
import type { DeadlineStateName } from './workbench-types.js';

const tones: Record<DeadlineStateName, Tone> = {
  overdue: 'red',
  dueSoon: 'amber',
  onTime: 'green',
  paused: 'grey',
  finished: 'grey',
};

/** A tag naming the deadline state (已超期 / 即将到期 / 正常 / 已暂停 / 已办结), and 暂定 when the due date is provisional. */
export function DeadlineTag({ state, provisional }: { state: DeadlineStateName; provisional?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <ToneTag tone={tones[state]} data-testid="deadline-tag" data-state={state}>
        {t(`workbench.deadline.${state}`)}
      </ToneTag>
      <ProvisionalMark provisional={provisional} />
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
