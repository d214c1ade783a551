'use client';
import { CreateUserRequestSchema, PASSWORD_MIN_LENGTH, type CreateUserRequest } from '@wheelhouse/shared';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { compactValues, useZodRule } from '@/lib/zod-form';
import { useCreateUser } from '../api';

const fields = CreateUserRequestSchema.shape;

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const tPassword = useTranslations('password');
  const [form] = Form.useForm<CreateUserRequest>();
  const create = useCreateUser();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };

  const onFinish = (values: CreateUserRequest) => {
    create.mutate(CreateUserRequestSchema.parse(compactValues(values)), {
      onSuccess: (user) => {
        void message.success(t('created', { username: user.username }));
        close();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('create')}
      okText={tCommon('create')}
      cancelText={tCommon('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />}
      <Form<CreateUserRequest>
        form={form}
        layout="vertical"
        name="create-user"
        initialValues={{ isAdmin: false }}
        onFinish={onFinish}
      >
        <Form.Item
          name="username"
          label={t('form.username')}
          extra={t('form.usernameHelp')}
          required
          rules={[zodRule(fields.username)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('form.displayName')} rules={[zodRule(fields.displayName)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('form.email')} rules={[zodRule(fields.email)]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('form.password')}
          extra={tPassword('policy', { min: PASSWORD_MIN_LENGTH })}
          required
          rules={[zodRule(fields.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="isAdmin" valuePropName="checked">
          <Checkbox>{t('form.isAdmin')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
