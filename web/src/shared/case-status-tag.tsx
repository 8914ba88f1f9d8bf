/**
 * A case status as a coloured tag, one colour and one word per status for the applicant and the
 * staff alike; the word comes from the case vocabulary, in the words of the case's item type.
 * `data-testid="case-status"`, `data-status` is the code.
 */
import type { CaseStatus } from '@banshi/schemas';
import { useCaseWords } from './use-case-words.js';
import { ToneTag, type Tone } from './tone-tag.js';

/** Under way blue, waiting on the applicant amber, paused or over grey, granted green, refused red. */
export const STATUS_TONES: Readonly<Record<CaseStatus, Tone>> = {
  draft: 'grey',
  submitted: 'blue',
  accepted: 'blue',
  inReview: 'blue',
  correction: 'amber',
  suspended: 'grey',
  approved: 'green',
  completed: 'green',
  denied: 'red',
  notAccepted: 'red',
  withdrawn: 'grey',
};

/** The status tag (已收件, 已受理, 补齐补正 …). */
export function CaseStatusTag({ status, itemType }: { status: CaseStatus; itemType?: string | undefined }) {
  const words = useCaseWords(itemType);
  return (
    <ToneTag tone={STATUS_TONES[status] ?? 'grey'} data-testid="case-status" data-status={status}>
      {words.status(status)}
    </ToneTag>
  );
}
