'use client';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { K8sObject, ObjectRef } from '@wheelhouse/shared';
import { Alert, Button, Card, Empty, Table, Tooltip, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import { useCanReveal, useRevealSecret } from './secret-api';
import { decodeSecretValue } from './secret-values';

/**
 * A Secret's keys with their values masked (the API never sends them on reads). "Reveal" asks the audited reveal
 * route for this Secret and shows the values until "Hide"; nothing revealed is kept in the query cache.
 */
export function SecretData({ target, object }: { target: ObjectRef; object: K8sObject }) {
  const t = useTranslations('secretData');
  const errorMessage = useErrorMessage();
  const canReveal = useCanReveal(target);
  const reveal = useRevealSecret(target);
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null);
  const keys = Object.keys(object.data ?? {}).sort();

  const toggle = revealed ? (
    <Button icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)}>
      {t('hide')}
    </Button>
  ) : (
    <Tooltip title={canReveal ? t('revealHint') : t('noPermission')}>
      <Button
        icon={<EyeOutlined />}
        disabled={!canReveal || keys.length === 0}
        loading={reveal.isPending}
        onClick={() => void reveal.mutateAsync().then((r) => setRevealed(r.data), () => undefined)}
      >
        {t('reveal')}
      </Button>
    </Tooltip>
  );
  return (
    <Card size="small" title={t('title')} extra={toggle} data-testid="secret-data">
      {reveal.error && !revealed && <Alert type="error" showIcon title={errorMessage(reveal.error)} style={{ marginBottom: 12 }} />}
      {keys.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={keys.map((key) => ({ key }))}
          columns={[
            { title: t('key'), dataIndex: 'key', width: '30%', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
            { title: t('value'), dataIndex: 'key', render: (key: string) => <Value base64={revealed?.[key]} /> },
          ]}
        />
      )}
    </Card>
  );
}

function Value({ base64 }: { base64: string | undefined }) {
  const t = useTranslations('secretData');
  if (base64 === undefined) return <Typography.Text type="secondary" aria-label={t('masked')}>••••••••</Typography.Text>;
  const shown = decodeSecretValue(base64);
  if (shown.kind === 'binary') {
    return (
      <Typography.Text type="secondary" copyable={{ text: base64, tooltips: [t('copyBase64'), t('copied')] }}>
        {t('binary', { bytes: shown.bytes })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text copyable={{ text: shown.text, tooltips: [t('copy'), t('copied')] }} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="secret-value">
      {shown.text}
    </Typography.Text>
  );
}
