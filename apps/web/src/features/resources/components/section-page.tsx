'use client';
import { Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useSyncExternalStore } from 'react';
import { useClusters } from '@/features/clusters/api';
import type { SectionKey } from '@/features/shell/nav-sections';
import { gvrHref } from '../api';

type Kind = { group: string; version: string; resource: string };
const k = (group: string, version: string, resource: string): Kind => ({ group, version, resource });

/** Which lists each sidebar section leads to. */
export const SECTION_KINDS: Record<Exclude<SectionKey, 'clusters'>, Kind[]> = {
  workloads: [
    k('apps', 'v1', 'deployments'),
    k('apps', 'v1', 'statefulsets'),
    k('apps', 'v1', 'daemonsets'),
    k('batch', 'v1', 'jobs'),
    k('batch', 'v1', 'cronjobs'),
    k('core', 'v1', 'pods'),
  ],
  config: [k('core', 'v1', 'configmaps'), k('core', 'v1', 'secrets')],
  network: [k('core', 'v1', 'services'), k('networking.k8s.io', 'v1', 'ingresses'), k('networking.k8s.io', 'v1', 'networkpolicies')],
  storage: [
    k('core', 'v1', 'persistentvolumeclaims'),
    k('core', 'v1', 'persistentvolumes'),
    k('storage.k8s.io', 'v1', 'storageclasses'),
  ],
};

const STORAGE_KEY = 'wheelhouse.cluster';

function subscribeStorage(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/** A section: pick a cluster (remembered per browser), then the section's kinds as links to their lists. */
export function SectionPage({ section }: { section: Exclude<SectionKey, 'clusters'> }) {
  const t = useTranslations('resources');
  const tNav = useTranslations('nav');
  const tPlaceholder = useTranslations('placeholder');
  const clusters = useClusters();
  const remembered = useSyncExternalStore(
    subscribeStorage,
    () => window.localStorage.getItem(STORAGE_KEY),
    () => null,
  );
  const [chosen, setPicked] = useState<string | undefined>();
  const picked = chosen ?? remembered;
  const items = clusters.data?.items ?? [];
  const cluster = items.find((c) => c.id === picked)?.id ?? items[0]?.id;

  return (
    <Card>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="section-title">
            {tNav(section)}
          </Typography.Title>
          <Typography.Text type="secondary">{tPlaceholder(section)}</Typography.Text>
        </div>
        {clusters.data && items.length === 0 ? (
          <Empty description={<Link href="/clusters">{t('noClusters')}</Link>} />
        ) : (
          <>
            <Select
              value={cluster}
              aria-label={t('cluster')}
              onChange={(id: string) => {
                window.localStorage.setItem(STORAGE_KEY, id);
                setPicked(id);
              }}
              options={items.map((c) => ({ value: c.id, label: c.displayName }))}
              style={{ width: 260 }}
            />
            {cluster && (
              <Row gutter={[16, 16]}>
                {SECTION_KINDS[section].map((kind) => (
                  <Col key={kind.resource} xs={24} sm={12} lg={8}>
                    <Link href={gvrHref({ cluster, ...kind })}>
                      <Card hoverable size="small">
                        <Typography.Text strong>{t(`kindLinks.${kind.resource}` as 'kindLinks.pods')}</Typography.Text>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
