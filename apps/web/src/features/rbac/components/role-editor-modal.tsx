'use client';
import {
  CreateRoleRequestSchema,
  ROLE_SCOPES,
  RoleNameSchema,
  UpdateRoleRequestSchema,
  type Role,
  type RoleScope,
} from '@wheelhouse/shared';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useCreateRole, useUpdateRole } from '../api';
import { fromFormRule, toFormRule, type RuleFormValue } from '../format';
import { RuleFields } from './rule-fields';

type Values = { name: string; description?: string; scope: RoleScope; rules: RuleFormValue[] };

const NEW_ROLE: Values = {
  name: '',
  description: '',
  scope: 'namespace',
  rules: [{ verbs: [], apiGroups: [], resources: [], resourceNames: [] }],
};

/** Create (role null) or edit a custom role. Mounted only while open, so every opening starts fresh. */
export function RoleEditorModal({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const t = useTranslations('roles');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<Values>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();

  const initialValues: Values = role
    ? { name: role.name, description: role.description, scope: role.scope, rules: role.rules.map(toFormRule) }
    : NEW_ROLE;

  const onFinish = (values: Values) => {
    const rules = values.rules.map(fromFormRule);
    const done = (name: string) => {
      void message.success(t(role ? 'updated' : 'created', { name }));
      onClose();
    };
    if (role) {
      const body = UpdateRoleRequestSchema.parse({ description: values.description ?? '', rules });
      update.mutate({ roleId: role.id, body }, { onSuccess: (saved) => done(saved.name) });
    } else {
      const body = CreateRoleRequestSchema.parse({ ...values, description: values.description ?? '', rules });
      create.mutate(body, { onSuccess: (saved) => done(saved.name) });
    }
  };

  return (
    <Modal
      open
      width={880}
      title={role ? t('editTitle', { name: role.name }) : t('create')}
      okText={role ? tCommon('save') : tCommon('create')}
      cancelText={tCommon('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {mutation.error && (
        <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" name="role-editor" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item
          name="name"
          label={t('form.name')}
          extra={role ? undefined : t('form.nameHelp')}
          required
          rules={role ? [] : [zodRule(RoleNameSchema)]}
        >
          <Input autoComplete="off" disabled={role !== null} />
        </Form.Item>
        <Form.Item name="scope" label={t('form.scope')} extra={t('form.scopeHelp')} required>
          <Radio.Group
            disabled={role !== null}
            optionType="button"
            options={ROLE_SCOPES.map((scope) => ({ value: scope, label: t(`form.scopes.${scope}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('form.description')}
          rules={[zodRule(CreateRoleRequestSchema.shape.description)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <RuleFields />
      </Form>
    </Modal>
  );
}
