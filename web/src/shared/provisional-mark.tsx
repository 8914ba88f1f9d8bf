/**
 * 暂定 / "provisional" next to a due date that reaches a year without holiday data: holidays there
 * are counted as working days until an admin enters the year, so the date may still move later.
 * The explanation is a tooltip on hover and focus, and part of the mark's accessible name.
 */
import { Tooltip } from 'antd';
import { useI18n } from './i18n.js';

const STYLE = { display: 'inline-block', marginInlineStart: 6, padding: '0 6px', fontSize: 12, lineHeight: '20px', borderRadius: 4, color: '#873800', background: '#fff7e6', border: '1px dashed #d46b08', cursor: 'help', whiteSpace: 'nowrap' } as const;

/** The mark, or nothing when `provisional` is not set. `data-testid="provisional"`. */
export function ProvisionalMark({ provisional }: { provisional?: boolean }) {
  const { t } = useI18n();
  if (!provisional) return null;
  const why = t('deadline.provisional.why');
  return (
    <Tooltip title={why}>
      <span tabIndex={0} role="note" aria-label={`${t('deadline.provisional')}：${why}`} data-testid="provisional" style={STYLE}>
        {t('deadline.provisional')}
      </span>
    </Tooltip>
  );
}
