'use client';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginRequestSchema, type LoginRequest } from '@wheelhouse/shared';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Logo } from '@/components/logo';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { LanguageSwitch } from '@/features/shell/components/language-switch';
import { ThemeToggle } from '@/features/shell/components/theme-toggle';
import { safeRedirectTarget, useLogin } from '../api';

function useWaitText(): (seconds: number) => string {
  const t = useTranslations('time');
  return (seconds) =>
    seconds < 60 ? t('seconds', { count: seconds }) : t('minutes', { count: Math.ceil(seconds / 60) });
}

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations('login');
  const tApp = useTranslations('app');
  const router = useRouter();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const waitText = useWaitText();

  const onFinish = (values: LoginRequest) => {
    login.mutate(LoginRequestSchema.parse(values), {
      onSuccess: () => router.replace(safeRedirectTarget(next)),
    });
  };

  const error = login.error;
  const message =
    isApiError(error, 'AUTH_RATE_LIMITED') && error.retryAfterSeconds !== undefined
      ? t('rateLimited', { wait: waitText(error.retryAfterSeconds) })
      : error
        ? errorMessage(error)
        : null;

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
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
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
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
