import { Flex, Typography } from 'antd';
import { useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages/zh-cn.js';
import type { Case } from './types.js';
import { MUTED, PlainList, SoftTag, type Tone } from './ui.js';
import { useDepartments } from './use-departments.js';

const tones: Record<string, Tone> = { open: 'blue', approved: 'green', rejected: 'red', skipped: 'grey', cancelled: 'grey' };

/**
 * The branches of a parallel step: each department's branch, its department and state.
 * `data-testid="case-branches"`; each row `data-testid="branch"` with `data-branch-id` and `data-state`.
 */
export function BranchList({ branches }: { branches: NonNullable<Case['branches']> }) {
  const { t, text } = useI18n();
  const { byId } = useDepartments();
  return (
    <PlainList
      testId="case-branches"
      items={branches}
      itemKey={(b) => b.id}
      itemProps={(b) => ({ 'data-testid': 'branch', 'data-branch-id': b.id, 'data-state': b.state })}
      render={(branch) => {
        const department = byId.get(branch.departmentId);
        return (
          <>
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text strong>{text(branch.name)}</Typography.Text>
              <SoftTag tone={tones[branch.state] ?? 'grey'}>{t(`applicant.branch.${branch.state}` as MessageKey)}</SoftTag>
            </Flex>
            <div style={{ color: MUTED }}>{department ? text(department.shortName ?? department.name) : branch.departmentId}</div>
            {branch.reason && <div>{t('applicant.timeline.reason')}: {branch.reason}</div>}
          </>
        );
      }}
    />
  );
}
