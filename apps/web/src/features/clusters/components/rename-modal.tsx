'use client';
import { UpdateClusterRequestSchema, type Cluster } from '@wheelhouse/shared';
import { App, Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useRenameCluster } from '../api';

export function RenameClusterModal({ cluster, onClose }: { cluster: Cluster; onClose: () => void }) {
  const t = useTranslations('clusters');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<{ displayName: string }>();
  const rename = useRenameCluster();
  const zodRule = useZodRule();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();

  const onFinish = ({ displayName }: { displayName: string }) =>
    rename.mutate(
      { id: cluster.id, displayName: displayName.trim() },
      {
        onSuccess: () => {
          void message.success(t('renamed'));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );

  return (
    <Modal
      open
      title={t('renameTitle', { id: cluster.id })}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={rename.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ displayName: cluster.displayName }} onFinish={onFinish}>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[zodRule(UpdateClusterRequestSchema.shape.displayName)]}
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
