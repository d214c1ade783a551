'use client';
import { ClusterIdSchema, type RegisterClusterRequest } from '@wheelhouse/shared';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Segmented, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useLocalKubeconfig, useRegisterCluster } from '../api';
import { toRequest, type FormValues } from '../register-request';
import { KubeconfigFields } from './kubeconfig-fields';

type Method = RegisterClusterRequest['method'];
type Values = FormValues;

export function AddClusterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('clusters');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<Values>();
  const [method, setMethod] = useState<Method>('token');
  const register = useRegisterCluster();
  const local = useLocalKubeconfig(open);
  const zodRule = useZodRule();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const required = [{ required: true, message: t('required') }];
  const insecure = Form.useWatch('insecure', form) as boolean | undefined;
  const hasLocal = (local.data?.contexts.length ?? 0) > 0;

  const methods: Method[] = ['token', 'clientCertificate', 'kubeconfig', 'inCluster', ...(hasLocal ? ['localKubeconfig' as const] : [])];

  const close = () => {
    form.resetFields();
    register.reset();
    onClose();
  };
  const onFinish = (values: Values) =>
    register.mutate(toRequest(method, values), {
      onSuccess: (cluster) => {
        void message.success(t('added', { name: cluster.displayName }));
        close();
      },
    });

  const insecureBox = (
    <Form.Item name="insecure" valuePropName="checked">
      <Checkbox>{t('fields.insecure')}</Checkbox>
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('addTitle')}
      size="large"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{tCommon('cancel')}</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()}>
            {t('addSubmit')}
          </Button>
        </Space>
      }
    >
      <Segmented<Method>
        block
        value={method}
        onChange={(m) => {
          setMethod(m);
          form.setFieldsValue({ context: undefined, insecure: false });
        }}
        options={methods.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        style={{ marginBottom: 16 }}
      />
      <Alert type="info" showIcon title={t(`methodHelp.${method}`)} style={{ marginBottom: 16 }} />
      {register.error && (
        <Alert type="error" showIcon role="alert" title={errorMessage(register.error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={register.isPending}>
        <Form.Item name="id" label={t('fields.id')} extra={t('fields.idHelp')} rules={[zodRule(ClusterIdSchema)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')}>
          <Input autoComplete="off" />
        </Form.Item>
        {(method === 'token' || method === 'clientCertificate') && (
          <>
            <Form.Item name="server" label={t('fields.server')} rules={required}>
              <Input placeholder="https://10.0.0.1:6443" autoComplete="off" />
            </Form.Item>
            <Form.Item name="caData" label={t('fields.caData')} extra={t('fields.caDataHelp')}>
              <Input.TextArea rows={3} placeholder="-----BEGIN CERTIFICATE-----" />
            </Form.Item>
          </>
        )}
        {method === 'token' && (
          <Form.Item name="token" label={t('fields.token')} rules={required}>
            <Input.Password autoComplete="off" />
          </Form.Item>
        )}
        {method === 'clientCertificate' && (
          <>
            <Form.Item name="certData" label={t('fields.certData')} rules={required}>
              <Input.TextArea rows={3} placeholder="-----BEGIN CERTIFICATE-----" />
            </Form.Item>
            <Form.Item name="keyData" label={t('fields.keyData')} rules={required}>
              <Input.TextArea rows={3} placeholder="-----BEGIN PRIVATE KEY-----" />
            </Form.Item>
          </>
        )}
        {(method === 'token' || method === 'clientCertificate') && (
          <>
            {insecureBox}
            {insecure === true && (
              <Alert type="warning" showIcon title={t('insecureWarning')} style={{ marginBottom: 16 }} />
            )}
          </>
        )}
        {method === 'kubeconfig' && <KubeconfigFields form={form} />}
        {method === 'localKubeconfig' && local.data && <KubeconfigFields form={form} preview={local.data} />}
      </Form>
    </Drawer>
  );
}
