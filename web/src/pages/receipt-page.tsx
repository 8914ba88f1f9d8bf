import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function ReceiptPage() {
  return <Result status="info" title="receipt" />;
}
