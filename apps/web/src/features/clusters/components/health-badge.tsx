'use client';
import type { ClusterHealth } from '@wheelhouse/shared';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslations } from 'next-intl';

const COLORS: Record<ClusterHealth['state'], string> = {
  ok: 'success',
  unknown: 'default',
  unreachable: 'error',
  unauthorized: 'warning',
};

/** State tag; the last error (cluster text) shows as a tooltip, rendered as plain text. */
export function HealthBadge({ health }: { health: ClusterHealth }) {
  const t = useTranslations('clusters');
  const tag = (
    <Tag color={COLORS[health.state]} data-testid="cluster-health">
      {t(`state.${health.state}`)}
    </Tag>
  );
  return health.lastError ? <Tooltip title={health.lastError}>{tag}</Tooltip> : tag;
}

/** Version, ready/total nodes and latency of the last probe. */
export function HealthDetails({ health }: { health: ClusterHealth }) {
  const t = useTranslations('clusters');
  return (
    <Space size={12} wrap>
      {health.version && <Typography.Text code>{health.version}</Typography.Text>}
      {health.nodes !== null && (
        <Typography.Text type="secondary">
          {t('nodes', { ready: health.readyNodes ?? 0, total: health.nodes })}
        </Typography.Text>
      )}
      {health.latencyMs !== null && (
        <Typography.Text type="secondary">{t('latency', { ms: Math.round(health.latencyMs) })}</Typography.Text>
      )}
    </Space>
  );
}
