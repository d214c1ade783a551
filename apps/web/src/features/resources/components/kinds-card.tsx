'use client';
import type { ApiResource } from '@wheelhouse/shared';
import { Alert, Card, Col, Empty, Input, Row, Space, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { gvrHref, useDiscovery } from '../api';
import { isCustomGroup } from '../section-kinds';
import { CreateYamlButton } from './create-yaml/create-yaml-button';

/** Groups listable kinds by API group (core first), filtered by a search over kind, resource and short names. */
export function groupResources(resources: ApiResource[], search: string): [string, ApiResource[]][] {
  const needle = search.trim().toLowerCase();
  const groups = new Map<string, ApiResource[]>();
  for (const r of resources) {
    // Kinds the user may not list anywhere are not offered (discovery marks them; absent = an older API: offered).
    if (!r.verbs.includes('list') || r.access === 'none') continue;
    const hay = [r.kind, r.resource, r.group, ...r.shortNames].join(' ').toLowerCase();
    if (needle && !hay.includes(needle)) continue;
    const key = r.group || 'core';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].sort(([a], [b]) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)));
}

/** Every listable kind the cluster serves, by API group, with a search: the way to kinds the sidebar does not name. */
export function KindsCard({ cluster }: { cluster: string }) {
  const t = useTranslations('resources');
  const discovery = useDiscovery(cluster);
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState('');
  const grouped = useMemo(() => groupResources(discovery.data?.resources ?? [], search), [discovery.data, search]);

  if (isApiError(discovery.error, 'CLUSTER_NOT_FOUND')) {
    return null; // the overview above already says so
  }
  return (
    <Card
      loading={discovery.isPending}
      title={t('kinds')}
      data-testid="kinds-card"
      style={{ marginTop: 16 }}
      extra={
        <Space wrap>
          <CreateYamlButton cluster={cluster} />
          <Input.Search allowClear placeholder={t('searchKinds')} aria-label={t('searchKinds')} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} />
        </Space>
      }
    >
      {discovery.error && <Alert type="error" showIcon title={errorMessage(discovery.error)} />}
      {discovery.data && grouped.length === 0 && <Empty />}
      <KindGrid cluster={cluster} grouped={grouped} />
    </Card>
  );
}

function KindGrid({ cluster, grouped }: { cluster: string; grouped: [string, ApiResource[]][] }) {
  return (
    <Row gutter={[16, 16]}>
      {grouped.map(([group, resources]) => (
        <Col key={group} xs={24} md={12} xl={8}>
          <Typography.Text strong>{group}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {resources.map((r) => (
              <Tag key={`${r.version}/${r.resource}`} style={{ marginBottom: 6 }}>
                <Link href={gvrHref({ cluster, group: r.group || 'core', version: r.version, resource: r.resource })}>
                  {/* A kind served in several versions (autoscaling v1 and v2) names its version. */}
                  {resources.filter((o) => o.resource === r.resource).length > 1 ? `${r.kind} (${r.version})` : r.kind}
                </Link>
              </Tag>
            ))}
          </div>
        </Col>
      ))}
    </Row>
  );
}

/** The Custom resources section: kinds from CRDs and aggregated APIs, by group, straight from discovery. */
export function CustomKinds({ cluster }: { cluster: string }) {
  const t = useTranslations('resources');
  const discovery = useDiscovery(cluster);
  const errorMessage = useErrorMessage();
  const grouped = useMemo(
    () => groupResources((discovery.data?.resources ?? []).filter((r) => isCustomGroup(r.group)), ''),
    [discovery.data],
  );
  if (discovery.error) return <Alert type="error" showIcon title={errorMessage(discovery.error)} />;
  if (discovery.data && grouped.length === 0) return <Empty description={t('noCustomKinds')} />;
  return <KindGrid cluster={cluster} grouped={grouped} />;
}
