'use client';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginRequestSchema, type LoginRequest } from '@wheelhouse/shared';
import { Alert, Button, Card, Divider, Form, Input, Segmented, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Logo } from '@/components/logo';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { LanguageSwitch } from '@/kit/preferences/language-switch';
import { ThemeToggle } from '@/kit/preferences/theme-toggle';
import { safeRedirectTarget } from '../api';
import { oidcStartHref, useLoginProviders, useProviderLogin } from '../providers-api';

/** ORIGIN_MISMATCH details: the configured origin and the one this page was opened at. */
function originMismatch(error: unknown): { expected: string; got: string } | undefined {
  if (!isApiError(error, 'ORIGIN_MISMATCH')) {
    return undefined;
  }
  const details = error.details as { expected?: unknown; got?: unknown } | undefined;
  return typeof details?.expected === 'string' && typeof details.got === 'string'
    ? { expected: details.expected, got: details.got }
    : undefined;
}

function useWaitText(): (seconds: number) => string {
  const t = useTranslations('time');
  return (seconds) =>
    seconds < 60 ? t('seconds', { count: seconds }) : t('minutes', { count: Math.ceil(seconds / 60) });
}

export function LoginForm({ next, errorCode }: { next?: string; errorCode?: string }) {
  const t = useTranslations('login');
  const tApp = useTranslations('app');
  const router = useRouter();
  const login = useProviderLogin();
  const providers = useLoginProviders().data?.items ?? [];
  const ldap = providers.filter((p) => p.type === 'ldap');
  const oidc = providers.filter((p) => p.type === 'oidc');
  // '' is the local account form; otherwise the id of an LDAP provider.
  const [source, setSource] = useState('');
  const tErrors = useTranslations('errors');
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const waitText = useWaitText();

  const onFinish = (values: LoginRequest) => {
    login.mutate({ provider: source || undefined, body: LoginRequestSchema.parse(values) }, {
      onSuccess: () => router.replace(safeRedirectTarget(next)),
    });
  };

  const error = login.error;
  const message =
    isApiError(error, 'AUTH_RATE_LIMITED') && error.retryAfterSeconds !== undefined
      ? t('rateLimited', { wait: waitText(error.retryAfterSeconds) })
      : error
        ? errorMessage(error)
        : errorCode
          ? tErrors.has(errorCode as 'fallback') ? tErrors(errorCode as 'fallback') : tErrors('fallback')
          : null;
  // Which address to use instead is the one thing the user can act on: show both.
  const origins = originMismatch(error);

  return (
    <div className="wh-login">
      <div className="wh-login-tools">
        <LanguageSwitch />
        <ThemeToggle />
      </div>
      <Card className="wh-login-card">
        <div className="wh-login-brand">
          <Logo size={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {tApp('name')}
          </Typography.Title>
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        {message && (
          <Alert
            type="error"
            showIcon
            title={message}
            description={origins && t('originMismatch', origins)}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
          />
        )}
        {ldap.length > 0 && (
          <Segmented
            block
            value={source}
            onChange={(v) => {
              setSource(v);
              login.reset();
            }}
            options={[{ value: '', label: t('localAccount') }, ...ldap.map((p) => ({ value: p.id, label: p.displayName }))]}
            style={{ marginBottom: 16 }}
            data-testid="login-source"
          />
        )}
        <Form<LoginRequest> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending}>
          <Form.Item name="username" label={t('username')} rules={[zodRule(LoginRequestSchema.shape.username)]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[zodRule(LoginRequestSchema.shape.password)]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('submit')}
          </Button>
        </Form>
        {oidc.length > 0 && (
          <>
            <Divider plain>{t('or')}</Divider>
            <Space direction="vertical" style={{ width: '100%' }}>
              {oidc.map((p) => (
                <Button key={p.id} block href={oidcStartHref(p.id, safeRedirectTarget(next))}>
                  {t('signInWith', { name: p.displayName })}
                </Button>
              ))}
            </Space>
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
