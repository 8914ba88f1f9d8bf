import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function CasePage() {
  return <Result status="info" title="case" />;
}
