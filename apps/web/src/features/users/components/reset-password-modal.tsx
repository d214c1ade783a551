'use client';
import {
  PASSWORD_MIN_LENGTH,
  ResetPasswordRequestSchema,
  type ResetPasswordRequest,
  type User,
} from '@wheelhouse/shared';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useResetPassword } from '../api';

/** Rendered only while a user is selected, so every reset starts from a fresh form. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const tPassword = useTranslations('password');
  const [form] = Form.useForm<ResetPasswordRequest>();
  const reset = useResetPassword();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();

  const onFinish = (values: ResetPasswordRequest) => {
    reset.mutate(
      { id: user.id, body: ResetPasswordRequestSchema.parse(values) },
      {
        onSuccess: () => {
          void message.success(t('passwordReset', { username: user.username }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('resetPasswordTitle', { username: user.username })}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {reset.error && <Alert type="error" showIcon title={errorMessage(reset.error)} style={{ marginBottom: 16 }} />}
      <Form<ResetPasswordRequest>
        form={form}
        layout="vertical"
        name="reset-password"
        initialValues={{ mustChangePassword: true }}
        onFinish={onFinish}
      >
        <Form.Item
          name="password"
          label={t('form.newPassword')}
          extra={tPassword('policy', { min: PASSWORD_MIN_LENGTH })}
          required
          rules={[zodRule(ResetPasswordRequestSchema.shape.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox>{t('form.mustChangePassword')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
