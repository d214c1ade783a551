'use client';
import { Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useSyncExternalStore } from 'react';
import { kindDef } from '@wheelhouse/shared';
import { REMEMBERED_CLUSTER_KEY } from '@/kit/hrefs';
import { useClusters } from '@/kit/queries';
import type { SectionKey } from '@/kit/sections';
import { gvrHref, useDiscovery } from '../api';
import { sectionKinds } from '../section-kinds';
import { CustomKinds } from './kinds-card';

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
    () => window.localStorage.getItem(REMEMBERED_CLUSTER_KEY),
    () => null,
  );
  const [chosen, setPicked] = useState<string | undefined>();
  const picked = chosen ?? remembered;
  const items = clusters.data?.items ?? [];
  const cluster = items.find((c) => c.id === picked)?.id ?? items[0]?.id;
  const discovery = useDiscovery(cluster);
  // Only kinds this cluster serves and the user may list somewhere (until discovery answers: all of the section).
  const served = discovery.data?.resources;
  const kinds = (section === 'custom' ? [] : sectionKinds(section)).filter(
    (k) => !served || served.some((r) => (r.group || 'core') === k.group && r.resource === k.resource && r.access !== 'none'),
  );

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
                window.localStorage.setItem(REMEMBERED_CLUSTER_KEY, id);
                setPicked(id);
              }}
              options={items.map((c) => ({ value: c.id, label: c.displayName }))}
              style={{ width: 260 }}
            />
            {cluster && section === 'custom' && <CustomKinds cluster={cluster} />}
            {cluster && section !== 'custom' && served && kinds.length === 0 && <Empty description={t('noKindsHere')} />}
            {cluster && section !== 'custom' && (
              <Row gutter={[16, 16]}>
                {kinds.map((kind) => (
                  <Col key={kind.resource} xs={24} sm={12} lg={8}>
                    <Link href={gvrHref({ cluster, ...kind })}>
                      <Card hoverable size="small">
                        <Typography.Text strong>
                          {t.has(`kindLinks.${kind.resource}` as 'kindLinks.pods')
                            ? t(`kindLinks.${kind.resource}` as 'kindLinks.pods')
                            : kindDef(kind.group, kind.resource)?.kind}
                        </Typography.Text>
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
