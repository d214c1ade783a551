'use client';
import { pick, statusOf, text, type K8sObject, type KindDef } from '@wheelhouse/shared';
import { Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { Cell, StatusTag } from '../cells';

const entries = (v: unknown): [string, string][] =>
  v && typeof v === 'object' ? Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, text(x)]) : [];

/** Annotations can hold whole manifests (last-applied-configuration): long values are cut, the full text on hover. */
const MAX_VALUE = 80;

export function ObjectSummary({ def, object }: { def: KindDef | undefined; object: K8sObject }) {
  const t = useTranslations('objectDetail');
  const tCol = useTranslations('resources.columns');
  const created = text(pick(object, 'metadata.creationTimestamp'));
  const labels = entries(pick(object, 'metadata.labels'));
  const annotations = entries(pick(object, 'metadata.annotations'));
  const owners = (pick(object, 'metadata.ownerReferences') as { kind?: string; name?: string }[] | undefined) ?? [];
  const status = statusOf(def, object);
  return (
    <Card size="small" data-testid="object-summary">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        {status && (
          <Descriptions.Item label={tCol('status')}>
            <StatusTag status={status} />
          </Descriptions.Item>
        )}
        {(def?.fields ?? []).map((f) => (
          <Descriptions.Item key={f.key} label={tCol(f.key as 'name')}>
            <Cell column={f} def={def} object={object} />
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('created')}>{created ? dayjs(created).format('YYYY-MM-DD HH:mm:ss') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('uid')}>
          <Typography.Text copyable={{ text: text(pick(object, 'metadata.uid')) }} code>
            {text(pick(object, 'metadata.uid')).slice(0, 8)}
          </Typography.Text>
        </Descriptions.Item>
        {owners.length > 0 && (
          <Descriptions.Item label={t('owners')}>{owners.map((o) => `${o.kind ?? ''}/${o.name ?? ''}`).join(', ')}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('labels')} span="filled">
          <TagList items={labels} empty={t('none')} testId="object-labels" />
        </Descriptions.Item>
        <Descriptions.Item label={t('annotations')} span="filled">
          <TagList items={annotations} empty={t('none')} testId="object-annotations" />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function TagList({ items, empty, testId }: { items: [string, string][]; empty: string; testId: string }) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      {items.map(([k, v]) => {
        const label = `${k}=${v}`;
        return label.length > MAX_VALUE ? (
          <Tooltip key={k} title={<span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{v}</span>}>
            <Tag>{`${label.slice(0, MAX_VALUE)}…`}</Tag>
          </Tooltip>
        ) : (
          <Tag key={k}>{label}</Tag>
        );
      })}
    </Space>
  );
}
