'use client';
import type { ClusterOverview } from '@wheelhouse/shared';
import { Alert, Col, Flex, Result, Row, Segmented, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { PageState } from '@/kit/page-state';
import { useClusterOverview } from '../api';
import { Chart } from './chart';
import { barsHeight, namespacesOption, nodesOption, podsOption, workloadsOption, type Resource } from './charts';
import { formatBytes, formatCpu, percent } from '../format';
import { AccessCard, Figure, MetricsNotice, WarningList } from './overview-parts';

const TOP_NODES = 30;
const TOP_NAMESPACES = 10;

/** A cluster at a glance: readiness, workload health, warnings, and capacity against requests, limits and usage. */
export function ClusterOverviewPage({ cluster }: { cluster: string }) {
  const t = useTranslations('overview');
  const overview = useClusterOverview(cluster);

  if (overview.error && isApiError(overview.error, 'CLUSTER_NOT_FOUND')) {
    return (
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.help')}
        extra={<Link href="/clusters">{t('notFound.back')}</Link>}
      />
    );
  }
  // A failed background refresh keeps the figures on screen; only a first load that fails shows the error.
  return (
    <PageState query={{ isPending: overview.isPending, error: overview.data ? null : overview.error, refetch: overview.refetch }}>
      {overview.data && <Overview o={overview.data} />}
    </PageState>
  );
}

function Overview({ o }: { o: ClusterOverview }) {
  const t = useTranslations('overview');
  const [resource, setResource] = useState<Resource>('cpu');
  const labels = {
    running: t('phase.running'),
    pending: t('phase.pending'),
    failed: t('phase.failed'),
    succeeded: t('phase.succeeded'),
    unknown: t('phase.unknown'),
    ok: t('health.ok'),
    progressing: t('health.progressing'),
    requests: t('requests'),
    limits: t('limits'),
    usage: t('usage'),
  };
  // Usage across the nodes that report it (metrics.k8s.io), against what those nodes can allocate.
  const measured = (o.nodes?.items ?? []).filter((n) => n.cpu.usage !== null && n.memory.usage !== null);
  const usage =
    o.metrics === 'available' && measured.length > 0
      ? measured.reduce(
          (sum, n) => ({
            cpu: sum.cpu + (n.cpu.usage ?? 0),
            memory: sum.memory + (n.memory.usage ?? 0),
            cpuAllocatable: sum.cpuAllocatable + (n.cpu.allocatable ?? 0),
            memoryAllocatable: sum.memoryAllocatable + (n.memory.allocatable ?? 0),
          }),
          { cpu: 0, memory: 0, cpuAllocatable: 0, memoryAllocatable: 0 },
        )
      : null;
  const unhealthy = o.workloads.reduce((n, w) => n + w.progressing + w.failed, 0);
  const nodes = [...(o.nodes?.items ?? [])]
    .sort(
      (a, b) =>
        b[resource].requests / (b[resource].allocatable || 1) - a[resource].requests / (a[resource].allocatable || 1),
    )
    .slice(0, TOP_NODES);
  const namespaces = [...(o.namespaces ?? [])]
    .sort((a, b) => b[resource].requests - a[resource].requests)
    .slice(0, TOP_NAMESPACES);
  const switcher = (
    <Segmented
      size="small"
      value={resource}
      onChange={(v) => setResource(v as Resource)}
      options={[
        { value: 'cpu', label: t('cpu') },
        { value: 'memory', label: t('memory') },
      ]}
    />
  );

  return (
    <div data-testid="cluster-overview">
      <Flex justify="space-between" align="start" wrap gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="section-title">
            {o.displayName}
          </Typography.Title>
          <Typography.Text type="secondary">{t('clusterSubtitle', { id: o.cluster })}</Typography.Text>
        </div>
      </Flex>
      {o.restricted && (
        <Alert
          type="info"
          showIcon
          title={t('restricted', { namespaces: o.restricted.join(', ') })}
          style={{ marginBottom: 16 }}
        />
      )}
      <MetricsNotice state={o.metrics} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <AccessCard title={t('nodes')} allowed={o.nodes !== null}>
            <Figure
              testId="figure-nodes"
              label={t('nodesReady')}
              value={`${o.nodes?.ready ?? 0}/${o.nodes?.total ?? 0}`}
              tone={o.nodes && o.nodes.ready < o.nodes.total ? 'danger' : 'success'}
            />
            {!!o.nodes?.unschedulable && (
              <Typography.Text type="warning">{t('unschedulable', { count: o.nodes.unschedulable })}</Typography.Text>
            )}
          </AccessCard>
        </Col>
        <Col xs={12} md={6}>
          <AccessCard title={t('pods')} allowed={o.pods !== null}>
            <Figure
              testId="figure-pods"
              label={t('podsRunning')}
              value={`${o.pods?.running ?? 0}/${o.pods?.total ?? 0}`}
            />
            {!!o.pods?.failing && (
              <Typography.Text type="danger">{t('failing', { count: o.pods.failing })}</Typography.Text>
            )}
          </AccessCard>
        </Col>
        <Col xs={12} md={6}>
          <AccessCard title={t('workloads')} allowed={o.workloads.length > 0}>
            <Figure
              testId="figure-workloads"
              label={t('unhealthyWorkloads')}
              value={unhealthy}
              tone={unhealthy ? 'warning' : 'success'}
            />
          </AccessCard>
        </Col>
        <Col xs={12} md={6}>
          <AccessCard title={t('warnings')} allowed={o.warnings !== null}>
            <Figure
              testId="figure-warnings"
              label={t('warningsLastHour')}
              value={o.warnings?.lastHour ?? 0}
              tone={o.warnings?.lastHour ? 'danger' : undefined}
            />
          </AccessCard>
        </Col>
        {usage && (
          <Col xs={24}>
            <AccessCard title={t('usageNow')} allowed>
              <Flex wrap gap={48}>
                <Figure
                  testId="figure-cpu-usage"
                  label={t('cpu')}
                  value={`${formatCpu(usage.cpu)} / ${formatCpu(usage.cpuAllocatable)} (${percent(usage.cpu, usage.cpuAllocatable)}%)`}
                />
                <Figure
                  testId="figure-memory-usage"
                  label={t('memory')}
                  value={`${formatBytes(usage.memory)} / ${formatBytes(usage.memoryAllocatable)} (${percent(usage.memory, usage.memoryAllocatable)}%)`}
                />
              </Flex>
            </AccessCard>
          </Col>
        )}
        <Col xs={24} lg={10}>
          <AccessCard title={t('podPhases')} allowed={o.pods !== null}>
            {o.pods && <Chart label={t('podPhases')} height={240} option={podsOption(o.pods, labels)} />}
          </AccessCard>
        </Col>
        <Col xs={24} lg={14}>
          <AccessCard title={t('workloadHealth')} allowed={o.workloads.length > 0}>
            <Chart label={t('workloadHealth')} height={240} option={workloadsOption(o.workloads, labels)} />
          </AccessCard>
        </Col>
        <Col xs={24} xl={12}>
          <AccessCard title={t('nodeCapacity')} allowed={o.nodes !== null} extra={switcher}>
            <Typography.Paragraph type="secondary">{t('nodeCapacityHelp')}</Typography.Paragraph>
            <Chart
              label={t('nodeCapacity')}
              height={barsHeight(nodes.length)}
              option={nodesOption(nodes, resource, labels)}
            />
          </AccessCard>
        </Col>
        <Col xs={24} xl={12}>
          <AccessCard title={t('namespaceUse')} allowed={o.namespaces !== null} extra={switcher}>
            <Typography.Paragraph type="secondary">
              {t('namespaceUseHelp', { count: TOP_NAMESPACES })}
            </Typography.Paragraph>
            <Chart
              label={t('namespaceUse')}
              height={barsHeight(namespaces.length)}
              option={namespacesOption(namespaces, resource, labels)}
            />
            <Flex wrap gap={8}>
              {namespaces.map((n) => (
                <Link key={n.name} href={`/clusters/${encodeURIComponent(o.cluster)}/ns/${encodeURIComponent(n.name)}`}>
                  {n.name}
                </Link>
              ))}
            </Flex>
          </AccessCard>
        </Col>
        <Col xs={24}>
          <AccessCard
            title={t('recentWarnings')}
            allowed={o.warnings !== null}
            extra={<Link href={`/clusters/${encodeURIComponent(o.cluster)}/r/core/v1/events`}>{t('allEvents')}</Link>}
          >
            <WarningList events={o.warnings?.recent ?? []} />
          </AccessCard>
        </Col>
      </Row>
    </div>
  );
}
