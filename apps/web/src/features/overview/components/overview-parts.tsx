'use client';
import type { ClusterEvent, MetricsState } from '@wheelhouse/shared';
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** A card whose content the caller may not read says so once, instead of showing zeros. */
export function AccessCard({
  title,
  allowed,
  children,
  extra,
}: {
  title: ReactNode;
  allowed: boolean;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const t = useTranslations('overview');
  return (
    <Card title={title} size="small" extra={extra} style={{ height: '100%' }}>
      {allowed ? children : <Typography.Text type="secondary">{t('noAccess')}</Typography.Text>}
    </Card>
  );
}

/** Why usage numbers are missing, and what to do about it. */
export function MetricsNotice({ state }: { state: MetricsState }) {
  const t = useTranslations('overview.metrics');
  if (state === 'available') return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t(`${state}.title`)}
      description={t(`${state}.help`)}
      style={{ marginBottom: 16 }}
      data-testid="metrics-notice"
    />
  );
}

/** Recent Warning events; every cluster-supplied string rendered as text. */
export function WarningList({ events }: { events: ClusterEvent[] }) {
  const t = useTranslations('overview');
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noWarnings')} />;
  return (
    <List
      size="small"
      dataSource={events}
      renderItem={(e) => (
        <List.Item key={`${e.uid}-${e.lastTime}`}>
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Tag color="error">{e.reason ?? t('warning')}</Tag>
              <Typography.Text strong>{[e.involved.kind, e.involved.name].filter(Boolean).join('/')}</Typography.Text>
              {e.namespace && <Typography.Text type="secondary">{e.namespace}</Typography.Text>}
              <Typography.Text type="secondary">{dayjs(e.lastTime).format('MM-DD HH:mm')}</Typography.Text>
              {e.count > 1 && <Tag>×{e.count}</Tag>}
            </Space>
            <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
              {e.message ?? ''}
            </Typography.Paragraph>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** One figure with its label and an optional tone (problems in red). */
export function Figure({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: ReactNode;
  tone?: 'danger' | 'warning' | 'success';
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div>
        <Typography.Text type={tone} style={{ fontSize: 28, fontWeight: 600 }}>
          {value}
        </Typography.Text>
      </div>
    </div>
  );
}
