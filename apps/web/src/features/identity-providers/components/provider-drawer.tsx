'use client';
import {
  CreateIdentityProviderRequestSchema,
  LdapConfigSchema,
  OidcConfigSchema,
  ProviderIdSchema,
  type IdentityProvider,
} from '@wheelhouse/shared';
import { Alert, App, Button, Checkbox, Divider, Drawer, Form, Input, Segmented, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useSaveProvider } from '../api';
import { LDAP_SAMPLES } from '../samples';
import { ConfigFields, LDAP_FIELDS, OIDC_FIELDS } from './fields';

type Values = { id: string; displayName: string; enabled: boolean; secret?: string; config: Record<string, unknown> };

/** Create (editing === null) or edit a provider. The secret is write-only: empty on edit means unchanged. */
export function ProviderDrawer({ editing, onClose }: { editing: IdentityProvider | null; onClose: () => void }) {
  const t = useTranslations('idp');
  const tCommon = useTranslations('common');
  const [type, setType] = useState<'ldap' | 'oidc'>(editing?.type ?? 'ldap');
  const [form] = Form.useForm<Values>();
  const save = useSaveProvider();
  const zodRule = useZodRule();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const schema = type === 'ldap' ? LdapConfigSchema : OidcConfigSchema;
  const initial: Partial<Values> = editing
    ? { id: editing.id, displayName: editing.displayName, enabled: editing.enabled, config: editing.config }
    : { enabled: true, config: type === 'ldap' ? { ...LDAP_SAMPLES.openldap, nestedGroupDepth: 5, connectTimeoutMs: 5000, searchTimeoutMs: 10000, pageSize: 500 } : { scopes: ['openid', 'profile', 'email'], groupsClaim: 'groups', usernameClaim: 'preferred_username', emailClaim: 'email' } };

  const onFinish = (values: Values) => {
    const config = schema.safeParse(Object.fromEntries(Object.entries(values.config ?? {}).filter(([, v]) => v !== '' && v !== null && v !== undefined)));
    if (!config.success) {
      form.setFields(
        config.error.issues.map((issue) => ({ name: ['config', String(issue.path[0])], errors: [t('invalidField')] })),
      );
      return;
    }
    const done = () => {
      void message.success(t('saved'));
      onClose();
    };
    if (editing) {
      save.mutate(
        { id: editing.id, update: { displayName: values.displayName, enabled: values.enabled, config: config.data, ...(values.secret ? { secret: values.secret } : {}) } },
        { onSuccess: done },
      );
      return;
    }
    const secret = values.secret ?? '';
    const body = CreateIdentityProviderRequestSchema.parse(
      type === 'ldap'
        ? { type, id: values.id, displayName: values.displayName, enabled: values.enabled, config: config.data, bindPassword: secret }
        : { type, id: values.id, displayName: values.displayName, enabled: values.enabled, config: config.data, clientSecret: secret },
    );
    save.mutate({ create: body }, { onSuccess: done });
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={editing ? t('editTitle', { name: editing.displayName }) : t('createTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{tCommon('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {tCommon('save')}
          </Button>
        </Space>
      }
    >
      {!editing && (
        <Segmented
          block
          value={type}
          onChange={(v) => setType(v as 'ldap' | 'oidc')}
          options={[{ value: 'ldap', label: t('type.ldap') }, { value: 'oidc', label: t('type.oidc') }]}
          style={{ marginBottom: 16 }}
        />
      )}
      {save.error && <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} style={{ marginBottom: 16 }} />}
      <Form<Values> key={type} form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Form.Item name="id" label={t('fields.id')} extra={t('help.id')} required rules={[zodRule(ProviderIdSchema)]}>
          <Input disabled={Boolean(editing)} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} extra={t('help.displayName')} rules={[{ required: true, message: t('required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="enabled" valuePropName="checked">
          <Checkbox>{t('fields.enabled')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="secret"
          label={t(type === 'ldap' ? 'fields.bindPassword' : 'fields.clientSecret')}
          extra={t(type === 'ldap' ? 'help.bindPassword' : 'help.clientSecret')}
          rules={editing ? [] : [{ required: true, message: t('required') }]}
        >
          <Input.Password placeholder={editing ? t('unchanged') : undefined} autoComplete="new-password" />
        </Form.Item>
        <Divider plain>{t('settings')}</Divider>
        {type === 'ldap' && (
          <Space style={{ marginBottom: 16 }} wrap>
            <Button onClick={() => form.setFieldsValue({ config: LDAP_SAMPLES.openldap })}>{t('sampleOpenLdap')}</Button>
            <Button onClick={() => form.setFieldsValue({ config: LDAP_SAMPLES.activeDirectory })}>{t('sampleAd')}</Button>
          </Space>
        )}
        <ConfigFields fields={type === 'ldap' ? LDAP_FIELDS : OIDC_FIELDS} />
      </Form>
    </Drawer>
  );
}
