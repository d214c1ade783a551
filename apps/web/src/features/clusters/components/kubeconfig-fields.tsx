'use client';
import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import type { KubeconfigPreview } from '@wheelhouse/shared';
import { Alert, Button, Checkbox, Form, Input, Radio, Space, Tag, Typography, Upload, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { usePreviewKubeconfig } from '../api';

type Context = KubeconfigPreview['contexts'][number];

/** One context: what will be kept, what was dropped, and why it cannot be imported (all cluster text as text). */
function ContextOption({ context }: { context: Context }) {
  const t = useTranslations('clusters');
  return (
    <Space direction="vertical" size={4} data-testid={`context-${context.name}`}>
      <Space size={4} wrap>
        <Typography.Text strong>{context.name}</Typography.Text>
        {context.authType && <Tag>{t(`authType.${context.authType}`)}</Tag>}
        {context.insecure && <Tag color="warning">{t('insecureTag')}</Tag>}
      </Space>
      {context.server && <Typography.Text type="secondary">{context.server}</Typography.Text>}
      {context.problems.map((p) => (
        <Alert key={p} type="error" showIcon title={t('preview.problem', { problem: p })} />
      ))}
      {context.dropped.map((d) => (
        <Alert key={d} type="warning" showIcon title={t('preview.dropped', { what: d })} />
      ))}
    </Space>
  );
}

/**
 * Kubeconfig import: paste or upload, preview (sanitised by the API), pick one context. With `preview` given
 * (the console machine's own kubeconfig) only the picker shows.
 */
export function KubeconfigFields({ form, preview }: { form: FormInstance; preview?: KubeconfigPreview }) {
  const t = useTranslations('clusters');
  const previewing = usePreviewKubeconfig();
  const errorMessage = useErrorMessage();
  const shown = preview ?? previewing.data;
  const contextName = Form.useWatch('context', form) as string | undefined;
  const selected = shown?.contexts.find((c) => c.name === contextName);

  const runPreview = () => {
    const text = String(form.getFieldValue('kubeconfig') ?? '');
    if (!text.trim()) return;
    form.setFieldValue('context', undefined);
    previewing.mutate(text, {
      onSuccess: (result) => {
        const current = result.contexts.find((c) => c.name === result.currentContext && c.problems.length === 0);
        const first = current ?? result.contexts.find((c) => c.problems.length === 0);
        if (first) form.setFieldValue('context', first.name);
      },
    });
  };

  return (
    <>
      {!preview && (
        <>
          <Form.Item name="kubeconfig" label={t('fields.kubeconfig')} rules={[{ required: true, message: t('required') }]}>
            <Input.TextArea rows={8} spellCheck={false} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Space style={{ marginBottom: 16 }}>
            <Upload
              accept=".yaml,.yml,.json,.conf,.config,text/*"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then((text) => {
                  form.setFieldValue('kubeconfig', text);
                  runPreview();
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('upload')}</Button>
            </Upload>
            <Button icon={<EyeOutlined />} onClick={runPreview} loading={previewing.isPending}>
              {t('preview.run')}
            </Button>
          </Space>
          {previewing.error && (
            <Alert type="error" showIcon role="alert" title={errorMessage(previewing.error)} style={{ marginBottom: 16 }} />
          )}
        </>
      )}
      {shown && (
        <Form.Item
          name="context"
          label={t('fields.context')}
          rules={[{ required: true, message: t('pickContext') }]}
          data-testid="kubeconfig-contexts"
        >
          <Radio.Group style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {shown.contexts.length === 0 && <Typography.Text type="secondary">{t('preview.none')}</Typography.Text>}
              {shown.contexts.map((c) => (
                <Radio key={c.name} value={c.name} disabled={c.problems.length > 0}>
                  <ContextOption context={c} />
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
      {selected?.insecure && (
        <>
          <Alert type="warning" showIcon title={t('insecureWarning')} style={{ marginBottom: 8 }} />
          <Form.Item
            name="insecure"
            valuePropName="checked"
            rules={[{ validator: async (_r, v) => (v === true ? undefined : Promise.reject(new Error(t('insecureRequired')))) }]}
          >
            <Checkbox>{t('fields.insecure')}</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}
