import { Alert, Button, Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isStaff } from '@banshi/schemas/core';
import { api, ApiError } from '../api.js';
import type { CognitoAuthConfig } from './auth-config.js';
import { authorizeUrl } from './hosted-ui.js';
import { useI18n } from '../i18n.js';
import type { PublicUser, SampleUsers } from '../api-types.generated.js';
import { useSession } from '../session.js';

/**
 * Signing in: in AWS through Cognito's hosted UI (unified identity), locally by picking one of the
 * sample users. Which one `/config.json` says; until it has answered, a placeholder.
 */
export function SignInPage() {
  const { auth } = useSession();
  if (!auth) return <Skeleton active />;
  return auth.kind === 'cognito' ? <HostedUiSignIn config={auth} /> : <DevelopmentSignIn />;
}

/** One button to the hosted UI; the return path (`next`) goes along the round trip. */
function HostedUiSignIn({ config }: { config: CognitoAuthConfig }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);

  const go = async () => {
    setLeaving(true);
    setFailed(false);
    try {
      window.location.assign(await authorizeUrl(config, params.get('next')));
    } catch {
      // WebCrypto missing (a page not served over https) or storage refused.
      setFailed(true);
      setLeaving(false);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('auth.title')}</h1>} style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{t('auth.hint')}</Typography.Paragraph>
      {failed && <Alert type="error" role="alert" showIcon title={t('auth.startFailed')} style={{ marginBottom: 16 }} />}
      <Button type="primary" size="large" block loading={leaving} onClick={() => void go()} data-testid="sign-in-cognito">
        {leaving ? t('auth.redirecting') : t('auth.signInWithCognito')}
      </Button>
    </Card>
  );
}

/** The development sign-in: pick one of the sample users. */
function DevelopmentSignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [users, setUsers] = useState<PublicUser[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    api<SampleUsers>('/api/auth/dev-users').then((r) => setUsers(r.items)).catch((e: ApiError) => setError(e.title));
  }, []);

  const choose = async (user: PublicUser) => {
    setBusy(user.id);
    try {
      const me = await signIn(user.id);
      navigate(params.get('next') ?? (isStaff(me.roles) ? '/workbench' : '/'));
    } catch (e) {
      setError((e as ApiError).title);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('signIn.title')}</h1>}>
      <Typography.Paragraph type="secondary">{t('signIn.hint')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      <List
        loading={!users && !error}
        dataSource={users ?? []}
        renderItem={(user) => (
          <List.Item
            actions={[<Button key="go" type="primary" loading={busy === user.id} onClick={() => choose(user)} data-testid={`sign-in-${user.id}`} aria-label={`${t('signIn.as')}: ${user.name}`}>{t('nav.signIn')}</Button>]}
          >
            <List.Item.Meta
              title={user.name}
              description={
                <Space size={4} wrap>
                  {user.roles.map((r) => <Tag key={r}>{r}</Tag>)}
                  {user.departmentId && <Tag color="blue">{user.departmentId}</Tag>}
                  {(user.staffRoles ?? []).map((r) => <Tag key={r} color="geekblue">{r}</Tag>)}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
