import { Result } from 'antd';

/** Placeholder until this page is built. */
export default function MyCasesPage() {
  return <Result status="info" title="my-cases" />;
}
