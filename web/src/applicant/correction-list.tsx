import { Alert } from 'antd';
import { useI18n } from '../shared/i18n.js';
import { fieldTitle } from './form-labels.js';
import type { Case } from '@banshi/schemas';

export interface CorrectionListProps {
  correction: NonNullable<Case['correction']>;
  /** The pinned form, to name the fields the pointers point at (the pointer is shown without it). */
  form?: { schema: Record<string, any>; uiSchema?: Record<string, any> };
  /** Who asked: the department (and, in a parallel review, its branch), e.g. 呼和浩特市人防办（人防设计审查）. */
  askedBy?: string;
}

/**
 * What the staff asked to fix and which department asked: one row per correction item, its field's
 * title and the message. `data-testid="correction-list"`; each row `data-testid="correction-item"`
 * with `data-pointer`; the department in `data-testid="correction-asked-by"`.
 */
export function CorrectionList({ correction, form, askedBy }: CorrectionListProps) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('case.correction.title')}
      description={
        <>
          <div style={{ marginBottom: 4 }}>
            {askedBy ? (
              <span data-testid="correction-asked-by">{t('case.correction.hintBy', { department: askedBy, date: correction.requestedAt.slice(0, 10) })}</span>
            ) : (
              t('case.correction.hint', { date: correction.requestedAt.slice(0, 10) })
            )}
          </div>
          <ol data-testid="correction-list" style={{ margin: 0, paddingInlineStart: 20 }}>
            {correction.items.map((item, i) => (
              <li key={i} data-testid="correction-item" data-pointer={item.pointer ?? ''}>
                {item.pointer && <strong>{fieldTitle(form?.schema, form?.uiSchema, item.pointer, locale)}：</strong>}
                {item.message}
              </li>
            ))}
          </ol>
        </>
      }
    />
  );
}
