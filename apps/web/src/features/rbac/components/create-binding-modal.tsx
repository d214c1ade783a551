'use client';
import { CreateRoleBindingRequestSchema, ROLE_SCOPES, type Role } from '@wheelhouse/shared';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useCreateBinding, useRoles } from '../api';
import { requestScope } from '../format';
import { ScopeKindTag } from './access-labels';
import { ScopeFields } from './scope-fields';
import { SubjectFields, subjectFromValues, type SubjectValues } from './subject-fields';

type Values = SubjectValues & { roleId?: string; cluster?: string; namespace?: string };

/** Grant a role: pick the role first, which fixes the scope kind (a namespace role binds in one namespace). */
export function CreateBindingModal({ onClose, initial }: { onClose: () => void; initial?: Values }) {
  const t = useTranslations('bindings');
  const tCommon = useTranslations('common');
  const tRoles = useTranslations('roles');
  const [form] = Form.useForm<Values>();
  const roles = useRoles();
  const create = useCreateBinding();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const roleId = Form.useWatch('roleId', form);
  const subjectKind = Form.useWatch('subjectKind', form);
  const role: Role | undefined = roles.data?.items.find((r) => r.id === roleId);

  const roleOptions = ROLE_SCOPES.map((scope) => ({
    label: tRoles(`scopeGroups.${scope}`),
    options: (roles.data?.items ?? []).filter((r) => r.scope === scope).map((r) => ({ value: r.id, label: r.name })),
  }));

  const onFinish = (values: Values) => {
    if (!role) {
      return;
    }
    const scope =
      role.scope === 'global'
        ? { kind: 'global' }
        : requestScope({
            cluster: values.cluster?.trim(),
            namespace: role.scope === 'namespace' ? values.namespace?.trim() : undefined,
          });
    const parsed = CreateRoleBindingRequestSchema.safeParse({
      roleId: role.id,
      subject: subjectFromValues(values),
      scope,
    });
    if (!parsed.success) {
      void form.validateFields();
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (binding) => {
        void message.success(t('created', { role: binding.role.name, subject: binding.subjectName }));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t('create')}
      okText={tCommon('create')}
      cancelText={tCommon('cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="create-binding"
        initialValues={{ subjectKind: 'user', ...initial }}
        onFinish={onFinish}
      >
        <Form.Item
          name="roleId"
          label={t('form.role')}
          rules={[{ required: true, message: t('form.roleRequired') }]}
          extra={
            role && (
              <Typography.Text type="secondary">
                <ScopeKindTag kind={role.scope} /> {t(`form.scopeNote.${role.scope}`)}
              </Typography.Text>
            )
          }
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={roles.isPending}
            options={roleOptions}
            placeholder={t('form.rolePlaceholder')}
          />
        </Form.Item>
        <ScopeFields kind={role?.scope} />
        <SubjectFields kind={subjectKind} />
      </Form>
    </Modal>
  );
}
