'use client';
import { Button, Empty, Result, Spin } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';

export type PageStateKind = 'loading' | 'forbidden' | 'notFound' | 'error' | 'empty' | 'ready';

/** The subset of a TanStack query the state needs. */
export type QueryLike = { isPending: boolean; error: unknown; refetch?: () => unknown };

/**
 * Exactly one state per page, in this order: an error beats loading (a failed refetch keeps no spinner), a 403 is
 * "no permission" and a 404 "not found" rather than a generic error, and "empty" only once data has arrived.
 */
export function pageStateOf(query: QueryLike, isEmpty: boolean): PageStateKind {
  if (query.error) {
    if (isApiError(query.error) && (query.error.status === 403 || query.error.code === 'FORBIDDEN')) {
      return 'forbidden';
    }
    if (isApiError(query.error) && query.error.status === 404) {
      return 'notFound';
    }
    return 'error';
  }
  if (query.isPending) {
    return 'loading';
  }
  return isEmpty ? 'empty' : 'ready';
}

type Props = {
  query: QueryLike;
  isEmpty?: boolean;
  /** What "empty" says, e.g. "No teams yet". */
  emptyText?: ReactNode;
  /** A call to action under "empty": pass it only when the user may act on it. */
  emptyAction?: ReactNode;
  children: ReactNode;
};

/** Renders the single state of a page, or its content once there is something to show. */
export function PageState({ query, isEmpty = false, emptyText, emptyAction, children }: Props) {
  const t = useTranslations('kit');
  const errorMessage = useErrorMessage();
  const state = pageStateOf(query, isEmpty);
  const retry = query.refetch && (
    <Button type="primary" onClick={() => void query.refetch?.()}>
      {t('retry')}
    </Button>
  );
  switch (state) {
    case 'loading':
      return (
        <div style={{ padding: 48, textAlign: 'center' }} data-testid="page-state" data-state="loading">
          <Spin description={t('loading')} />
        </div>
      );
    case 'forbidden':
      return (
        <Result status="403" title={t('forbiddenTitle')} subTitle={t('forbiddenHint')} data-testid="page-state" data-state="forbidden" />
      );
    case 'notFound':
      return (
        <Result status="404" title={t('notFoundTitle')} subTitle={t('notFoundHint')} data-testid="page-state" data-state="notFound" />
      );
    case 'error':
      return (
        <Result status="error" title={errorMessage(query.error)} extra={retry} data-testid="page-state" data-state="error" />
      );
    case 'empty':
      return (
        <div data-testid="page-state" data-state="empty">
          <Empty description={emptyText ?? t('emptyTitle')}>{emptyAction}</Empty>
        </div>
      );
    case 'ready':
      return <>{children}</>;
  }
}
