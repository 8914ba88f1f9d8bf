import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function ApplyPage() {
  return <Result status="info" title="apply" />;
}
