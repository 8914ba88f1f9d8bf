/** The branches of a parallel step: each department, its role and its state in colour. */
import { List, Typography } from 'antd';
import { useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages/zh-cn.js';
import { ToneTag, type Tone } from './tone-tag.js';
import type { Case, Department } from './workbench-types.js';

type Branch = NonNullable<Case['branches']>[number];

const tones: Record<Branch['state'], Tone> = {
  open: 'blue',
  approved: 'green',
  rejected: 'red',
  skipped: 'grey',
  cancelled: 'grey',
};

/** One row per branch: 部门 · 岗位 · state tag (+ the reason given, if any). */
export function BranchList({ branches, departments }: { branches: Branch[]; departments: Map<string, Department> }) {
  const { t, text } = useI18n();
  return (
    <List
      size="small"
      data-testid="case-branches"
      dataSource={branches}
      renderItem={(b) => {
        const dept = departments.get(b.departmentId);
        const roleKey = `workbench.role.${b.role}` as MessageKey;
        return (
          <List.Item data-testid="branch" data-branch={b.id} data-state={b.state} extra={<ToneTag tone={tones[b.state]}>{t(`workbench.branch.${b.state}`)}</ToneTag>}>
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
