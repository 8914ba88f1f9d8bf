import { useCaseWords } from '../shared/use-case-words.js';
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

/**
 * A case status as a coloured tag, in the words of the case's item type; `data-testid="case-status"`,
 * `data-status` is the code.
 */
export function CaseStatusTag({ status, itemType }: { status: string; itemType?: string }) {
  const words = useCaseWords(itemType);
  return (
    <SoftTag tone={colours[status] ?? 'grey'} data-testid="case-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {words.status(status)}
    </SoftTag>
  );
}
