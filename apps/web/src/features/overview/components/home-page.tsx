'use client';
import type { HomeOverview } from '@wheelhouse/shared';
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { PageState } from '@/kit/page-state';
import { useHomeOverview } from '../api';
import { Figure } from './overview-parts';

type Line = HomeOverview['clusters'][number];
const dash = '—';

/** The console home: every cluster the user may see, its health and its problems, most troubled first. */
export function HomePage() {
  const t = useTranslations('overview');
  const home = useHomeOverview();
  if (!home.data) {
    return <PageState query={{ isPending: home.isPending, error: home.error, refetch: home.refetch }}>{null}</PageState>;
  }
  const lines = [...home.data.clusters].sort(
    (a, b) => problems(b) - problems(a) || a.displayName.localeCompare(b.displayName),
  );
  const sum = (f: (l: Line) => number) => lines.reduce((n, l) => n + f(l), 0);

  return (
    <div data-testid="home-overview">
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="section-title">
        {t('homeTitle')}
      </Typography.Title>
      {lines.length === 0 ? (
        <Card>
          <Empty description={t('noClusters')}>
            <Link href="/clusters">{t('toClusters')}</Link>
          </Empty>
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Figure label={t('clusters')} value={lines.length} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Figure
                  label={t('unreachable')}
                  value={sum((l) => (l.reachable ? 0 : 1))}
                  tone={lines.some((l) => !l.reachable) ? 'danger' : 'success'}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Figure label={t('nodesNotReady')} value={sum((l) => (l.nodes ? l.nodes.total - l.nodes.ready : 0))} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Figure label={t('podsFailing')} value={sum((l) => l.pods?.failing ?? 0)} />
              </Card>
            </Col>
          </Row>
          <Card>
            <Table<Line>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={lines}
              data-testid="home-clusters"
              columns={[
                {
                  key: 'name',
                  title: t('cluster'),
                  render: (_, l) => <Link href={`/clusters/${encodeURIComponent(l.id)}`}>{l.displayName}</Link>,
                },
                {
                  key: 'state',
                  title: t('state'),
                  render: (_, l) =>
                    l.reachable ? (
                      <Tag color="success">{t('reachable')}</Tag>
                    ) : (
                      <Tag color="error">{t('unreachableTag')}</Tag>
                    ),
                },
                {
                  key: 'nodes',
                  title: t('nodesReady'),
                  render: (_, l) => (l.nodes ? `${l.nodes.ready}/${l.nodes.total}` : dash),
                },
                {
                  key: 'pods',
                  title: t('podsRunning'),
                  render: (_, l) => (l.pods ? `${l.pods.running}/${l.pods.total}` : dash),
                },
                {
                  key: 'failing',
                  title: t('podsFailing'),
                  render: (_, l) => count(l.pods ? l.pods.failing + l.pods.failed : null),
                },
                {
                  key: 'workloads',
                  title: t('unhealthyWorkloads'),
                  render: (_, l) => count(l.unhealthyWorkloads, 'warning'),
                },
                { key: 'warnings', title: t('warningsLastHour'), render: (_, l) => count(l.warningsLastHour) },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}

function problems(l: Line): number {
  if (!l.reachable) return Number.MAX_SAFE_INTEGER;
  return (
    (l.nodes ? l.nodes.total - l.nodes.ready : 0) * 100 +
    (l.pods?.failing ?? 0) * 10 +
    (l.unhealthyWorkloads ?? 0) +
    (l.warningsLastHour ?? 0)
  );
}

function count(n: number | null, colour: 'error' | 'warning' = 'error') {
  if (n === null) return dash;
  return n > 0 ? <Tag color={colour}>{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>;
}
