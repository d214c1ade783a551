'use client';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import type { ManifestResult } from '@wheelhouse/shared';
import { Alert, Button, Flex, List, Modal, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { objectHref } from '@/kit/hrefs';
import { downloadText } from '@/kit/yaml/download';
import { YamlEditor } from '@/kit/yaml/yaml-editor';
import { ApiError, isKnownErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { useCreateManifests } from './api';

/**
 * Create from YAML (`kubectl create -f`): one or more `---`-separated documents, a dry run or the real thing, then
 * one result per document — a link to each created object, or its error in the user's language with the cluster's
 * own message beneath.
 */
export function CreateYamlModal({ cluster, namespace, initial, open, onClose }: { cluster: string; namespace?: string; initial: string; open: boolean; onClose: () => void }) {
  const t = useTranslations('createYaml');
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(initial);
  const [outcome, setOutcome] = useState<{ dryRun: boolean; results: ManifestResult[] } | null>(null);
  const create = useCreateManifests(cluster);

  const run = async (dryRun: boolean) => {
    setOutcome(null);
    const res = await create.mutateAsync({ yaml: text, dryRun, namespace }).catch(() => null);
    if (res) setOutcome({ dryRun, results: res.results });
  };
  const download = () => downloadText(text, 'manifest.yaml');
  const reason = (r: ManifestResult) => (r.code && isKnownErrorCode(r.code) ? errorMessage(new ApiError(0, r.code)) : errorMessage(null));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('title')}
      width={900}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Button icon={<DownloadOutlined />} onClick={download} disabled={!text.trim()}>
            {t('download')}
          </Button>
          <Space>
            <Button onClick={onClose}>{t('close')}</Button>
            <Button icon={<ExperimentOutlined />} loading={create.isPending && create.variables?.dryRun} disabled={!text.trim()} onClick={() => void run(true)}>
              {t('dryRun')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} loading={create.isPending && !create.variables?.dryRun} disabled={!text.trim()} onClick={() => void run(false)}>
              {t('create')}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Flex vertical gap={12} data-testid="create-yaml">
        <Typography.Text type="secondary">{namespace ? t('hintNamespace', { namespace }) : t('hint')}</Typography.Text>
        <YamlEditor value={text} onChange={setText} height={360} testId="create-yaml-editor" />
        {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} />}
        {outcome && (
          <List
            size="small"
            bordered
            header={<Typography.Text strong>{outcome.dryRun ? t('dryRunResults') : t('results')}</Typography.Text>}
            dataSource={outcome.results}
            data-testid="create-yaml-results"
            renderItem={(r) => (
              <List.Item data-testid={`create-yaml-result-${r.index}`}>
                <Space align="start">
                  {r.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('ok')} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('failed')} />}
                  <Flex vertical>
                    <Typography.Text>
                      {t('document', { n: r.index + 1 })}
                      {': '}
                      <ObjectName r={r} cluster={cluster} linked={r.ok && !outcome.dryRun} />
                    </Typography.Text>
                    {r.ok ? (
                      <Typography.Text type="secondary">{outcome.dryRun ? t('wouldCreate') : t('created')}</Typography.Text>
                    ) : (
                      <>
                        <Typography.Text type="danger">{reason(r)}</Typography.Text>
                        {r.message && <Typography.Text type="secondary">{r.message}</Typography.Text>}
                      </>
                    )}
                  </Flex>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Modal>
  );
}

function ObjectName({ r, cluster, linked }: { r: ManifestResult; cluster: string; linked: boolean }) {
  const t = useTranslations('createYaml');
  const label = `${r.kind ?? t('unknownKind')} ${r.namespace ? `${r.namespace}/` : ''}${r.name ?? ''}`.trim();
  if (!linked || !r.group || !r.version || !r.resource || !r.name) return <>{label}</>;
  return <Link href={objectHref({ cluster, group: r.group, version: r.version, resource: r.resource }, r.name, r.namespace)}>{label}</Link>;
}
