'use client';
import { RoleNameSchema, type Role } from '@wheelhouse/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useCloneRole } from '../api';

/** Copies a role (built-in or custom) under a new name; the copy is a custom role that can be edited. */
export function CloneRoleModal({ role, onClose }: { role: Role; onClose: (clone?: Role) => void }) {
  const t = useTranslations('roles');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<{ name: string }>();
  const clone = useCloneRole();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();

  const onFinish = ({ name }: { name: string }) => {
    clone.mutate(
      { roleId: role.id, name: RoleNameSchema.parse(name) },
      {
        onSuccess: (copy) => {
          void message.success(t('cloned', { name: copy.name, source: role.name }));
          onClose(copy);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('cloneTitle', { name: role.name })}
      okText={t('clone')}
      cancelText={tCommon('cancel')}
      confirmLoading={clone.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      {clone.error && <Alert type="error" showIcon title={errorMessage(clone.error)} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="clone-role"
        initialValues={{ name: `${role.name}-copy` }}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('form.name')}
          extra={t('form.nameHelp')}
          required
          rules={[zodRule(RoleNameSchema)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
