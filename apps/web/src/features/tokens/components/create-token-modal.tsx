'use client';
import { CreateApiTokenRequestSchema, type CreatedApiToken } from '@wheelhouse/shared';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useCreateToken } from '../api';

/** 0 stands for "no expiry" in the picker; the API takes null. */
const EXPIRY_DAYS = [7, 30, 90, 180, 365, 0] as const;
type Values = { name: string; expiresInDays: (typeof EXPIRY_DAYS)[number] };

export function CreateTokenModal({ onClose }: { onClose: (created?: CreatedApiToken) => void }) {
  const t = useTranslations('tokens');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();

  const onFinish = (values: Values) => {
    const body = CreateApiTokenRequestSchema.parse({
      name: values.name,
      expiresInDays: values.expiresInDays === 0 ? null : values.expiresInDays,
    });
    create.mutate(body, { onSuccess: (created) => onClose(created) });
  };

  return (
    <Modal
      open
      title={t('create')}
      okText={tCommon('create')}
      cancelText={tCommon('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="create-token"
        initialValues={{ expiresInDays: 90 }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('form.name')}
          extra={t('form.nameHelp')}
          required
          rules={[zodRule(CreateApiTokenRequestSchema.shape.name)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('form.expiry')}>
          <Select
            options={EXPIRY_DAYS.map((days) => ({
              value: days,
              label: days === 0 ? t('form.noExpiry') : t('form.days', { count: days }),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
