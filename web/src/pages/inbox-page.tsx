import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function InboxPage() {
  return <Result status="info" title="inbox" />;
}
