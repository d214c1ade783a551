'use client';
import type { IdentityProvider } from '@wheelhouse/shared';
import { Alert, Button, Descriptions, Input, Modal, Space, Steps, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import { useTestProvider } from '../api';

type Step = 'connect' | 'tls' | 'bind' | 'search' | 'user' | 'groups' | 'done';

/** Only the steps this probe really runs: TLS only on ldaps:// or StartTLS, the lookup steps only with a user. */
function stepsOf(config: Record<string, unknown>, lookup: boolean): Step[] {
  const urls = Array.isArray(config.urls) ? (config.urls as unknown[]) : [];
  const tls = config.startTls === true || urls.some((u) => typeof u === 'string' && u.startsWith('ldaps://'));
  return ['connect', ...(tls ? (['tls'] as const) : []), 'bind', ...(lookup ? (['search', 'user', 'groups'] as const) : []), 'done'];
}

/** Test connection (no username) or user lookup; shows which step failed and the directory's answer as text. */
export function TestProviderModal({ provider, onClose }: { provider: IdentityProvider; onClose: () => void }) {
  const t = useTranslations('idp');
  const tCommon = useTranslations('common');
  const [username, setUsername] = useState('');
  const test = useTestProvider();
  const errorMessage = useErrorMessage();
  const result = test.data;
  const steps = stepsOf(provider.config, Boolean(test.variables?.username));
  const failedAt = result ? steps.indexOf(result.step) : -1;

  return (
    <Modal open title={t('testTitle', { name: provider.displayName })} onCancel={onClose} footer={<Button onClick={onClose}>{tCommon('close')}</Button>} width={640}>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Space wrap>
          <Button type="primary" loading={test.isPending && !test.variables?.username} onClick={() => test.mutate({ id: provider.id })}>
            {t('testConnection')}
          </Button>
          {provider.type === 'ldap' && (
            <Space.Compact>
              <Input value={username} onChange={(e) => setUsername(e.target.value)} placeholder={t('testUsername')} aria-label={t('testUsername')} />
              <Button disabled={!username.trim()} loading={test.isPending && Boolean(test.variables?.username)} onClick={() => test.mutate({ id: provider.id, username: username.trim() })}>
                {t('testLookup')}
              </Button>
            </Space.Compact>
          )}
        </Space>
        {test.error && <Alert type="error" showIcon title={errorMessage(test.error)} />}
        {result && (
          <>
            <Steps
              size="small"
              // Seven titles side by side in a 640 px modal would break mid-word.
              titlePlacement="vertical"
              current={failedAt}
              status={result.ok ? 'finish' : 'error'}
              items={steps.map((s) => ({ title: t(`step.${s}`) }))}
            />
            <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.ok ? t('testOk') : t('testFailed', { step: t(`step.${result.step}`) })} description={result.message} data-testid="idp-test-result" />
            {result.user && (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="DN">{result.user.dn}</Descriptions.Item>
                <Descriptions.Item label={t('fields.usernameAttribute')}>{result.user.username}</Descriptions.Item>
                <Descriptions.Item label={t('fields.displayName')}>{result.user.displayName}</Descriptions.Item>
                <Descriptions.Item label={t('fields.emailAttribute')}>{result.user.email}</Descriptions.Item>
                <Descriptions.Item label={t('groups')}>
                  {result.user.groups.map((g) => (
                    <Tag key={g}>{g}</Tag>
                  ))}
                </Descriptions.Item>
              </Descriptions>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
