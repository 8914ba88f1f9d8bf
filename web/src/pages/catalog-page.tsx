import { Result } from 'antd';

/** Placeholder until this page is built. */
export function CatalogPage() {
  return <Result status="info" title="catalog" />;
}
