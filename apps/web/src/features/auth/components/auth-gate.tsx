'use client';
import { Button, Result, Spin } from 'antd';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { CurrentUserContext } from '@/kit/current-user';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { loginHref, useMe } from '../api';

/**
 * Client-side convenience only: it sends signed-out visitors to /login and back afterwards.
 * The API enforces authentication on every call regardless of what the browser shows.
 */
export function AuthGate({ children, alongside }: { children: ReactNode; /** Rendered from the start, signed in or not (prefetches). */ alongside?: ReactNode }) {
  const me = useMe();
  const router = useRouter();
  const pathname = usePathname();
  const t = useTranslations('common');
  const errorMessage = useErrorMessage();
  const signedOut = isApiError(me.error, 'AUTH_REQUIRED');

  useEffect(() => {
    if (signedOut) {
      router.replace(loginHref(`${pathname}${window.location.search}`));
    }
  }, [signedOut, pathname, router]);

  let body: ReactNode;
  if (me.data) {
    body = <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
  } else if (me.error && !signedOut) {
    body = (
      <Result
        status="warning"
        title={errorMessage(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('retry')}
          </Button>
        }
      />
    );
  } else {
    body = (
      <div className="wh-fullscreen-center">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  }
  // `alongside` sits at one place in the tree whatever the state, so it mounts once (its prefetch runs once).
  return (
    <>
      {alongside}
      {body}
    </>
  );
}
