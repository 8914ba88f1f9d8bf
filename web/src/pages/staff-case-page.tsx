import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function StaffCasePage() {
  return <Result status="info" title="staff-case" />;
}
