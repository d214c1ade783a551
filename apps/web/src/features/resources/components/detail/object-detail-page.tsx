'use client';
import { DeleteOutlined } from '@ant-design/icons';
import { kindDef, statusOf, type ObjectRef } from '@wheelhouse/shared';
import { Alert, App, Breadcrumb, Button, Card, Flex, Result, Space, Tabs, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { gvrHref, useDeleteObject, useKindInfo, useResourceObject } from '../../api';
import { useLiveList } from '../../live';
import { StatusTag } from '../cells';
import { LiveBadge } from '../live-badge';
import { ObjectYaml } from '../object-yaml';
import { ConditionsTable } from './conditions';
import { ContainersTable } from './containers';
import { RelatedPanel } from './related';
import { SecretData } from './secret-data';
import { isSecretRef } from './secret-values';
import { ObjectSummary } from './summary';
import { ObjectTimeline } from './timeline';

/** One object: summary, conditions and containers, related objects, its event history and its YAML. Live. */
export function ObjectDetailPage({ target }: { target: ObjectRef }) {
  const t = useTranslations('objectDetail');
  const tCommon = useTranslations('common');
  const errorMessage = useErrorMessage();
  const { modal, message } = App.useApp();
  const router = useRouter();
  const info = useKindInfo(target);
  const def = kindDef(target.group, target.resource);
  const kind = info?.kind ?? def?.kind ?? target.resource;
  const object = useResourceObject(target, target.name, target.namespace);
  // The list subscription of the object's namespace keeps this page live (deltas invalidate the object's query).
  const live = useLiveList(target, target.namespace);
  const remove = useDeleteObject(target);
  const listHref = gvrHref(target, target.namespace);

  if (object.error && !object.data) {
    if (isApiError(object.error) && object.error.status === 404) {
      return <Result status="404" title={errorMessage(object.error)} extra={<Link href={listHref}>{t('backToList', { kind })}</Link>} />;
    }
    return <Alert type="error" showIcon title={errorMessage(object.error)} action={<Button onClick={() => void object.refetch()}>{tCommon('retry')}</Button>} />;
  }
  const o = object.data;
  const sections = def?.sections ?? [];
  const confirmDelete = () =>
    modal.confirm({
      title: t('deleteConfirm', { kind, name: target.name }),
      content: t('deleteHint'),
      okText: t('delete'),
      okButtonProps: { danger: true },
      cancelText: tCommon('cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ name: target.name, namespace: target.namespace });
          void message.success(t('deleted', { kind, name: target.name }));
          router.push(listHref);
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="object-detail">
      <Breadcrumb
        items={[
          { title: <Link href={`/clusters/${encodeURIComponent(target.cluster)}`}>{target.cluster}</Link> },
          ...(target.namespace ? [{ title: <Link href={`/clusters/${encodeURIComponent(target.cluster)}/ns/${encodeURIComponent(target.namespace)}`}>{target.namespace}</Link> }] : []),
          { title: <Link href={listHref}>{kind}</Link> },
          { title: target.name },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space size={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="section-title">
            {target.name}
          </Typography.Title>
          <Typography.Text type="secondary">{kind}</Typography.Text>
          {o && <StatusTag status={statusOf(def, o)} />}
          <LiveBadge live={live} stale={null} />
        </Space>
        {(!info || info.verbs.includes('delete')) && (
          <Button danger icon={<DeleteOutlined />} onClick={() => void confirmDelete()} disabled={!o}>
            {t('delete')}
          </Button>
        )}
      </Flex>
      <Card loading={!o}>
        {o && (
          <Tabs
            items={[
              {
                key: 'overview',
                label: t('tabs.overview'),
                children: (
                  <Space direction="vertical" size={16} style={{ width: '100%' }}>
                    <ObjectSummary def={def} object={o} />
                    <ConditionsTable object={o} />
                    {(sections.includes('containers') || sections.includes('podTemplate')) && (
                      <ContainersTable object={o} template={!sections.includes('containers')} />
                    )}
                    {sections.includes('data') && isSecretRef(target) && <SecretData target={target} object={o} />}
                  </Space>
                ),
              },
              { key: 'related', label: t('tabs.related'), children: <RelatedPanel target={target} /> },
              { key: 'timeline', label: t('tabs.timeline'), children: <ObjectTimeline target={target} /> },
              { key: 'yaml', label: t('tabs.yaml'), children: (
                  <ObjectYaml
                    object={o}
                    target={target}
                    editable={!info || info.verbs.includes('patch')}
                    latest={async () => (await object.refetch()).data}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
