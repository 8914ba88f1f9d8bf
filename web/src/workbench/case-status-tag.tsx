/** A case status (caseStatus code table) as a coloured tag. */
import type { CaseStatus } from '@banshi/schemas';
import { useCaseWords } from '../shared/use-case-words.js';
import { ToneTag, type Tone } from '../shared/tone-tag.js';

const tones: Record<CaseStatus, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  notAccepted: 'red',
  correction: 'amber',
  accepted: 'blue',
  inReview: 'blue',
  suspended: 'grey',
  approved: 'green',
  denied: 'red',
  completed: 'green',
  withdrawn: 'grey',
};

/** The status tag (已收件, 已受理, 补齐补正 …), in the words of the case's item type. */
export function CaseStatusTag({ status, itemType }: { status: CaseStatus; itemType?: string }) {
  const words = useCaseWords(itemType);
  return (
    <ToneTag tone={tones[status]} data-testid="case-status" data-status={status}>
      {words.status(status)}
    </ToneTag>
  );
}
