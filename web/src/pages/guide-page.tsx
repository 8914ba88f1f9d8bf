import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function GuidePage() {
  return <Result status="info" title="guide" />;
}
