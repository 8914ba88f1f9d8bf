/**
 * The branches of a parallel step: each branch's name, its department (and, for the staff, the
 * handling role) and its state in colour. While the case waits for a correction, the branch that
 * asked reads 已退回补正 and the others 已因补正暂停.
 * `data-testid="case-branches"`; each row `data-testid="branch"` with `data-branch-id` and `data-state`.
 */
import { Flex, Typography } from 'antd';
import type { BranchState } from '@banshi/schemas';
import { useI18n } from './i18n.js';
import type { MessageKey } from './messages/zh-cn.js';
import { ToneTag, type Tone } from './tone-tag.js';
import { useCaseWords } from './use-case-words.js';

type LocalizedName = { 'zh-CN': string; en?: string };

export const BRANCH_TONES: Readonly<Record<BranchState['state'], Tone>> = {
  open: 'blue',
  approved: 'green',
  rejected: 'red',
  skipped: 'grey',
  cancelled: 'grey',
  paused: 'amber',
};

/** Text dark enough for WCAG AA on white (antd's secondary grey is not). */
const MUTED = '#595959';

export interface BranchListProps {
  branches: readonly BranchState[];
  /** Names each branch's department (its short name when it has one). */
  departments: ReadonlyMap<string, { name: LocalizedName; shortName?: LocalizedName }>;
  /** The branch whose correction the case waits for. */
  returnedBranchId?: string | undefined;
  /** Shows the role that handles each branch (the staff's view). */
  showRole?: boolean;
}

export function BranchList({ branches, departments, returnedBranchId, showRole = false }: BranchListProps) {
  const { t, text } = useI18n();
  const words = useCaseWords(undefined);
  const roleName = (role: string) => {
    const key = `workbench.role.${role}` as MessageKey;
    return t(key) === key ? role : t(key);
  };
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="case-branches">
      {branches.map((branch, i) => {
        const department = departments.get(branch.departmentId);
        const returned = branch.id === returnedBranchId && branch.state === 'open';
        return (
          <li key={branch.id} style={{ padding: '10px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }} data-testid="branch" data-branch-id={branch.id} data-state={branch.state}>
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text strong>{text(branch.name)}</Typography.Text>
              <ToneTag tone={returned ? 'amber' : BRANCH_TONES[branch.state] ?? 'grey'} data-testid="branch-state">{words.branchState(branch.state, returned)}</ToneTag>
            </Flex>
            <div style={{ color: MUTED }}>
              {department ? text(department.shortName ?? department.name) : branch.departmentId}
              {showRole ? ` · ${roleName(branch.role)}` : ''}
            </div>
            {branch.reason && <div>{t('applicant.timeline.reason')}: {branch.reason}</div>}
          </li>
        );
      })}
    </ul>
  );
}
