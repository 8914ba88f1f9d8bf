import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from './i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title="404" extra={<Link to="/"><Button type="primary">{t('nav.catalog')}</Button></Link>} />;
}
