'use client';
import type { NamespaceOverview } from '@wheelhouse/shared';
import { Alert, Col, Progress, Row, Space, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { PageState } from '@/kit/page-state';
import { useNamespaceOverview } from '../api';
import { formatAmount, formatBytes, formatCpu, percent } from '../format';
import { Chart } from './chart';
import { podsOption, workloadsOption } from './charts';
import { AccessCard, Figure, MetricsNotice, WarningList } from './overview-parts';

/** One namespace: quota usage as bars, pods and workloads, current usage, warnings. */
export function NamespaceOverviewPage({ cluster, namespace }: { cluster: string; namespace: string }) {
  const overview = useNamespaceOverview(cluster, namespace);
  // A failed background refresh keeps the figures on screen; only a first load that fails shows the error.
  return (
    <PageState query={{ isPending: overview.isPending, error: overview.data ? null : overview.error, refetch: overview.refetch }}>
      {overview.data && <Overview o={overview.data} />}
    </PageState>
  );
}

function Overview({ o }: { o: NamespaceOverview }) {
  const t = useTranslations('overview');
  const labels = {
    running: t('phase.running'),
    pending: t('phase.pending'),
    failed: t('phase.failed'),
    succeeded: t('phase.succeeded'),
    unknown: t('phase.unknown'),
    ok: t('health.ok'),
    progressing: t('health.progressing'),
  };
  const nothing = o.pods === null && o.quotas === null && o.workloads.length === 0 && o.warnings === null;
  return (
    <div data-testid="namespace-overview">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {o.namespace}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <Link href={`/clusters/${encodeURIComponent(o.cluster)}`}>{o.cluster}</Link> · {t('namespaceSubtitle')}
      </Typography.Paragraph>
      {nothing ? (
        <Alert type="warning" showIcon title={t('namespaceNoAccess')} />
      ) : (
        <>
          <MetricsNotice state={o.metrics} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <AccessCard title={t('quotas')} allowed={o.quotas !== null}>
                {o.quotas?.length === 0 && <Typography.Text type="secondary">{t('noQuotas')}</Typography.Text>}
                {o.quotas?.map((q) => (
                  <div key={q.name} style={{ marginBottom: 12 }} data-testid="quota">
                    <Typography.Text strong>{q.name}</Typography.Text>
                    {q.items.map((i) => {
                      const p = percent(i.used, i.hard);
                      return (
                        <div key={i.resource}>
                          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                            <Typography.Text>{i.resource}</Typography.Text>
                            <Typography.Text type="secondary">{`${formatAmount(i.used, i.unit)} / ${formatAmount(i.hard, i.unit)}`}</Typography.Text>
                          </Space>
                          <Progress
                            percent={p}
                            status={p >= 100 ? 'exception' : undefined}
                            strokeColor={p >= 90 ? '#ff4d4f' : p >= 75 ? '#faad14' : undefined}
                            showInfo={false}
                          />
                        </div>
                      );
                    })}
                  </div>
                ))}
              </AccessCard>
            </Col>
            <Col xs={24} lg={12}>
              <AccessCard title={t('usageNow')} allowed={o.metrics !== 'forbidden'}>
                {o.usage ? (
                  <Space size={48}>
                    <Figure label={t('cpu')} value={formatCpu(o.usage.cpu)} />
                    <Figure label={t('memory')} value={formatBytes(o.usage.memory)} />
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('noUsage')}</Typography.Text>
                )}
              </AccessCard>
            </Col>
            <Col xs={24} lg={10}>
              <AccessCard title={t('podPhases')} allowed={o.pods !== null}>
                {o.pods && <Chart label={t('podPhases')} height={220} option={podsOption(o.pods, labels)} />}
              </AccessCard>
            </Col>
            <Col xs={24} lg={14}>
              <AccessCard title={t('workloadHealth')} allowed={o.workloads.length > 0}>
                <Chart label={t('workloadHealth')} height={220} option={workloadsOption(o.workloads, labels)} />
              </AccessCard>
            </Col>
            <Col xs={24}>
              <AccessCard title={t('recentWarnings')} allowed={o.warnings !== null}>
                <WarningList events={o.warnings?.recent ?? []} />
              </AccessCard>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
