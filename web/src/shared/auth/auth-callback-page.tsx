/**
 * `/auth/callback`: where Cognito's hosted UI sends the browser back. Checks the state, exchanges
 * the code (PKCE), keeps the ID token as the API's bearer token, loads `/api/me` and goes on to
 * the page the person was heading for; or says, in their language, why not, with a way to retry.
 */
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isStaff } from '@banshi/schemas/core';
import { exchangeCallback, SignInError, type SignInFailure } from './hosted-ui.js';
import { useI18n } from '../i18n.js';
import type { MessageKey } from '../messages/zh-cn.js';
import { useSession, type Principal } from '../session.js';

const FAILURE_MESSAGES: Record<SignInFailure, MessageKey> = {
  denied: 'auth.failure.denied',
  state: 'auth.failure.state',
  exchange: 'auth.failure.exchange',
  rejected: 'auth.failure.rejected',
  unavailable: 'auth.failure.unavailable',
};

// One exchange per callback: a code can be redeemed once, and React may run an effect twice.
let completing: { search: string; result: Promise<{ me: Principal; next: string }> } | undefined;

function completeOnce(search: string, complete: () => Promise<{ me: Principal; next: string }>) {
  if (completing?.search !== search) completing = { search, result: complete() };
  return completing.result;
}

export default function AuthCallbackPage() {
  const { t } = useI18n();
  const { auth, acceptToken } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<SignInError>();
  // Read once, before the code and state are taken out of the address bar below.
  const [search] = useState(() => window.location.search);

  useEffect(() => {
    if (!auth) return;
    if (auth.kind !== 'cognito') {
      setFailure(new SignInError('unavailable', 'this site does not sign in through Cognito'));
      return;
    }
    let current = true;
    // The code and state leave the address bar (and the history) at once.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    completeOnce(search, async () => {
      const { idToken, next } = await exchangeCallback(auth, new URLSearchParams(search));
      try {
        return { me: await acceptToken(idToken), next };
      } catch {
        throw new SignInError('rejected', 'the API did not accept the ID token', next);
      }
    })
      .then(({ me, next }) => {
        if (current) navigate(next === '/' && isStaff(me.roles) ? '/workbench' : next, { replace: true });
      })
      .catch((error: unknown) => {
        if (current) setFailure(error instanceof SignInError ? error : new SignInError('exchange', String(error)));
      });
    return () => {
      current = false;
    };
  }, [auth, acceptToken, navigate, search]);

  if (failure) {
    const retry = failure.failure === 'unavailable' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(failure.next)}`;
    return (
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('auth.failedTitle')}</h1>}
        subTitle={<span role="alert" data-testid="sign-in-failure">{t(FAILURE_MESSAGES[failure.failure])}</span>}
        extra={<Button type="primary" href={retry}>{t('auth.retry')}</Button>}
      />
    );
  }
  return (
    <div role="status" style={{ textAlign: 'center', margin: '20vh auto' }}>
      <Spin size="large" aria-hidden />
      <p style={{ marginTop: 16 }}>{t('auth.completing')}</p>
    </div>
  );
}
