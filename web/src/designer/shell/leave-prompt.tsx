/**
 * Asking before unsaved changes are left behind. Leaving within the app through a link (the
 * breadcrumb, the header's links) is held and asked about in a dialog — stay, leave, or save and
 * leave; moving between the item's own tabs is not leaving. Closing or reloading the tab gets the
 * browser's own prompt. The browser's back button is not held (that needs react-router's data
 * router, which would add 18 KB gzip to every page, the applicant's form page included); what it
 * leaves behind is kept by the local draft and offered back on the next visit.
 */
import { Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMessages } from '../../shared/i18n.js';
import { shellMessages } from './messages.js';

/** Whether `pathname` is `base` or lies under it. */
export const isUnder = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

/** A held navigation: `blocked` while the dialog asks; `proceed` goes on to it, `reset` stays. */
export interface Blocker {
  state: 'unblocked' | 'blocked';
  proceed(): void;
  reset(): void;
}

/** The in-app path a plain left click on `event`'s link would open, or undefined when it is not one. */
function inAppTarget(event: MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return undefined;
  const url = new URL(anchor.href, window.location.href);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

/**
 * Holds link navigation away from `base` (and closing the tab) while `dirty`. The click is caught
 * on the document in the capture phase, before the router's link sees it.
 *
 * @returns the blocker, for {@link LeavePrompt}
 */
export function useLeaveGuard(dirty: boolean, base: string): Blocker {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string>();
  const guard = useRef({ dirty, base });
  guard.current = { dirty, base };
  useEffect(() => {
    const hold = (event: MouseEvent) => {
      const { dirty: isDirty, base: home } = guard.current;
      const target = isDirty ? inAppTarget(event) : undefined;
      if (target === undefined || isUnder(new URL(target, window.location.origin).pathname, home)) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(target);
    };
    document.addEventListener('click', hold, true);
    return () => document.removeEventListener('click', hold, true);
  }, []);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return {
    state: pending === undefined ? 'unblocked' : 'blocked',
    proceed: () => {
      if (pending === undefined) return;
      setPending(undefined);
      navigate(pending);
    },
    reset: () => setPending(undefined),
  };
}

/** The dialog a held navigation asks in; `onSave` resolves whether the draft is saved now. */
export function LeavePrompt({ blocker, onSave }: { blocker: Blocker; onSave(): Promise<boolean> }) {
  const t = useMessages(shellMessages);
  const [saving, setSaving] = useState(false);
  const blocked = blocker.state === 'blocked';
  const stay = () => {
    if (blocker.state === 'blocked') blocker.reset();
  };
  const leave = () => {
    if (blocker.state === 'blocked') blocker.proceed();
  };
  const saveAndLeave = async () => {
    setSaving(true);
    try {
      if (await onSave()) leave();
      else stay();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={blocked}
      title={t('leave.title')}
      onCancel={stay}
      modalRender={(node) => <div data-testid="leave-prompt">{node}</div>}
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={stay} autoFocus data-testid="leave-stay">{t('leave.stay')}</Button>
          <Button danger onClick={leave} data-testid="leave-go">{t('leave.go')}</Button>
          <Button type="primary" loading={saving} onClick={() => void saveAndLeave()} data-testid="leave-save">{t('leave.save')}</Button>
        </Flex>
      }
    >
      <Typography.Paragraph style={{ margin: 0 }}>{t('leave.body')}</Typography.Paragraph>
    </Modal>
  );
}
