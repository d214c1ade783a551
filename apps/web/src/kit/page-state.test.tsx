// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import { ApiError } from '@/lib/api-client';
import { PageState, pageStateOf } from './page-state';

afterEach(cleanup);

const ok = { isPending: false, error: null };

describe('pageStateOf', () => {
  it('picks exactly one state, error before loading, permission and not-found before a generic error', () => {
    expect(pageStateOf({ isPending: true, error: null }, true)).toBe('loading');
    expect(pageStateOf({ isPending: true, error: new ApiError(403, 'FORBIDDEN') }, true)).toBe('forbidden');
    expect(pageStateOf({ isPending: false, error: new ApiError(404, 'NOT_FOUND') }, false)).toBe('notFound');
    expect(pageStateOf({ isPending: false, error: new ApiError(503, 'DATABASE_UNAVAILABLE') }, true)).toBe('error');
    expect(pageStateOf(ok, true)).toBe('empty');
    expect(pageStateOf(ok, false)).toBe('ready');
  });
});

function renderIn(locale: 'en' | 'zh', ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === 'en' ? en : zh}>
      {ui}
    </NextIntlClientProvider>,
  );
}

describe('<PageState>', () => {
  it('shows one "no permission" state in the user language and not the content or an empty text', () => {
    renderIn('zh', (
      <PageState query={{ isPending: false, error: new ApiError(403, 'FORBIDDEN') }} isEmpty emptyText="none">
        <p>content</p>
      </PageState>
    ));
    expect(screen.getAllByTestId('page-state')).toHaveLength(1);
    expect(screen.getByText('您没有查看此内容的权限')).toBeTruthy();
    expect(screen.queryByText('content')).toBeNull();
    expect(screen.queryByText('none')).toBeNull();
  });

  it('offers a call to action on empty only when given one, and renders the content when ready', () => {
    const { rerender } = renderIn('en', (
      <PageState query={ok} isEmpty emptyText="No teams yet">
        <p>content</p>
      </PageState>
    ));
    expect(screen.getByText('No teams yet')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    rerender(
      <NextIntlClientProvider locale="en" messages={en}>
        <PageState query={ok} isEmpty={false}>
          <p>content</p>
        </PageState>
      </NextIntlClientProvider>,
    );
    expect(screen.getByText('content')).toBeTruthy();
    expect(screen.queryByTestId('page-state')).toBeNull();
  });

  it('gives an error a retry button', () => {
    let retried = 0;
    renderIn('en', (
      <PageState query={{ isPending: false, error: new ApiError(0, 'NETWORK'), refetch: () => retried++ }}>
        <p>content</p>
      </PageState>
    ));
    screen.getByRole('button', { name: /Retry/ }).click();
    expect(retried).toBe(1);
  });
});
