/**
 * The branches of a parallel step: each department, its role and its state in colour. While the
 * case waits for a correction, the branch that asked reads 已退回补正 and the others 已因补正暂停.
 */
import { List, Typography } from 'antd';
import { useI18n } from '../shared/i18n.js';
import type { MessageKey } from '../shared/messages/zh-cn.js';
import { useCaseWords } from '../shared/use-case-words.js';
import { ToneTag, type Tone } from '../shared/tone-tag.js';
import type { Case, Department } from './workbench-types.js';

type Branch = NonNullable<Case['branches']>[number];

const tones: Record<Branch['state'], Tone> = {
  open: 'blue',
  approved: 'green',
  rejected: 'red',
  skipped: 'grey',
  cancelled: 'grey',
  paused: 'amber',
};

/** One row per branch: 部门 · 岗位 · state tag (+ the reason given, if any). */
export function BranchList({ branches, departments, returnedBranchId }: { branches: Branch[]; departments: Map<string, Department>; returnedBranchId?: string }) {
  const { t, text } = useI18n();
  const words = useCaseWords(undefined);
  return (
    <List
      size="small"
      data-testid="case-branches"
      dataSource={branches}
      renderItem={(b) => {
        const dept = departments.get(b.departmentId);
        const roleKey = `workbench.role.${b.role}` as MessageKey;
        const returned = b.id === returnedBranchId && b.state === 'open';
        return (
          <List.Item data-testid="branch" data-branch={b.id} data-state={b.state} extra={<ToneTag tone={returned ? 'amber' : tones[b.state]} data-testid="branch-state">{words.branchState(b.state, returned)}</ToneTag>}>
            <List.Item.Meta
              title={text(b.name)}
              description={
                <>
                  <Typography.Text>{dept ? text(dept.shortName ?? dept.name) : b.departmentId}</Typography.Text>
                  {' · '}
                  <Typography.Text>{t(roleKey) === roleKey ? b.role : t(roleKey)}</Typography.Text>
                  {b.reason ? <div>{b.reason}</div> : null}
                </>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
