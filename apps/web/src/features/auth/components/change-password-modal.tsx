'use client';
import { ChangePasswordRequestSchema, PASSWORD_MIN_LENGTH } from '@wheelhouse/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useChangePassword } from '../api';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** `forced` is used when the account must change its password: no way to dismiss the dialog. */
export function ChangePasswordModal({
  open,
  forced = false,
  onClose,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
}) {
  const t = useTranslations('password');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(ChangePasswordRequestSchema.parse({ currentPassword, newPassword }), {
      onSuccess: () => {
        void message.success(t('changed'));
        close();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('title')}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      {forced && <Alert type="info" showIcon title={t('mustChange')} style={{ marginBottom: 16 }} />}
      {change.error && <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="change-password">
        <Form.Item
          name="currentPassword"
          label={t('current')}
          rules={[zodRule(ChangePasswordRequestSchema.shape.currentPassword)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('new')}
          extra={t('policy', { min: PASSWORD_MIN_LENGTH })}
          rules={[zodRule(ChangePasswordRequestSchema.shape.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('confirm')}
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
