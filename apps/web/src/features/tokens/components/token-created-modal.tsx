'use client';
import { CopyOutlined } from '@ant-design/icons';
import type { CreatedApiToken } from '@wheelhouse/shared';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';

/** Shows a new token's value, the only time it is ever shown; closing the dialog forgets it. */
export function TokenCreatedModal({ token, onClose }: { token: CreatedApiToken; onClose: () => void }) {
  const t = useTranslations('tokens.created');
  const { message } = App.useApp();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      void message.success(t('copied'));
    } catch {
      void message.error(t('copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t('title', { name: token.name })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('warning')} description={t('usage')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={token.token}
          aria-label={t('label')}
          data-testid="new-token"
          onFocus={(event) => event.currentTarget.select()}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-token">
          {t('copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('example')}
        <br />
        <Typography.Text code>Authorization: Bearer {token.prefix}…</Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
