import { useI18n } from '../../i18n.js';
import { codeName } from './code-names.js';
import { SoftTag, type Tone } from './ui.js';

const colours: Record<string, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  accepted: 'blue',
  inReview: 'blue',
  correction: 'amber',
  suspended: 'purple',
  approved: 'cyan',
  completed: 'green',
  denied: 'red',
  notAccepted: 'red',
  withdrawn: 'grey',
};

/** A case status (caseStatus code) as a coloured tag; `data-testid="case-status"`, `data-status` is the code. */
export function CaseStatusTag({ status }: { status: string }) {
  const { locale } = useI18n();
  return (
    <SoftTag tone={colours[status] ?? 'grey'} data-testid="case-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {codeName('caseStatus', status, locale)}
    </SoftTag>
  );
}
