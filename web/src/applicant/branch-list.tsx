import { Flex, Typography } from 'antd';
import { useI18n } from '../shared/i18n.js';
import { useCaseWords } from '../shared/use-case-words.js';
import type { Case } from './types.js';
import { MUTED, PlainList, SoftTag, type Tone } from './ui.js';
import { useDepartments } from './use-departments.js';

const tones: Record<string, Tone> = { open: 'blue', approved: 'green', rejected: 'red', skipped: 'grey', cancelled: 'grey', paused: 'amber' };

/**
 * The branches of a parallel step: each department's branch, its department and state (while the
 * case waits for a correction: 已退回补正 for the branch that asked, 已因补正暂停 for the others).
 * `data-testid="case-branches"`; each row `data-testid="branch"` with `data-branch-id` and `data-state`.
 */
export function BranchList({ branches, returnedBranchId }: { branches: NonNullable<Case['branches']>; returnedBranchId?: string }) {
  const { t, text } = useI18n();
  const words = useCaseWords(undefined);
  const { byId } = useDepartments();
  return (
    <PlainList
      testId="case-branches"
      items={branches}
      itemKey={(b) => b.id}
      itemProps={(b) => ({ 'data-testid': 'branch', 'data-branch-id': b.id, 'data-state': b.state })}
      render={(branch) => {
        const department = byId.get(branch.departmentId);
        const returned = branch.id === returnedBranchId && branch.state === 'open';
        return (
          <>
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text strong>{text(branch.name)}</Typography.Text>
              <SoftTag tone={returned ? 'amber' : tones[branch.state] ?? 'grey'} data-testid="branch-state">{words.branchState(branch.state, returned)}</SoftTag>
            </Flex>
            <div style={{ color: MUTED }}>{department ? text(department.shortName ?? department.name) : branch.departmentId}</div>
            {branch.reason && <div>{t('applicant.timeline.reason')}: {branch.reason}</div>}
          </>
        );
      }}
    />
  );
}
