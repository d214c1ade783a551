'use client';
import { SearchOutlined } from '@ant-design/icons';
import { kindDef, pick, text } from '@wheelhouse/shared';
import { Button, Empty, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { clusterInPath, gvrHref, objectHref, REMEMBERED_CLUSTER_KEY } from '@/kit/hrefs';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { SEARCHED_KINDS, useObjectSearch, useSearchClusters, useSearchDiscovery } from '../api';

type Item = { key: string; kind: string; label: string; sub?: string; href: string };
const MAX_KINDS = 6;

/** Ctrl/⌘-K from anywhere: jump to a kind or to an object by name in the current cluster. */
export function CommandPalette() {
  const t = useTranslations('search');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button icon={<SearchOutlined />} onClick={() => setOpen(true)} data-testid="search-open" aria-keyshortcuts="Control+K">
        <Typography.Text type="secondary">{t('button')}</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>Ctrl K</Tag>
      </Button>
      {open && <Palette onClose={() => setOpen(false)} />}
    </>
  );
}

function Palette({ onClose }: { onClose: () => void }) {
  const t = useTranslations('search');
  const router = useRouter();
  const pathname = usePathname();
  const clusters = useSearchClusters(true);
  const [picked, setPicked] = useState<string | undefined>(() => clusterInPath(pathname) ?? window.localStorage.getItem(REMEMBERED_CLUSTER_KEY) ?? undefined);
  const items = clusters.data?.items ?? [];
  const cluster = items.find((c) => c.id === picked)?.id ?? items[0]?.id;
  const [query, setQuery] = useState('');
  const needle = useDebouncedValue(query.trim().toLowerCase(), 200);
  const discovery = useSearchDiscovery(cluster);
  const results = useObjectSearch(cluster, needle);
  const [active, setActive] = useState(0);

  const list = useMemo<Item[]>(() => {
    if (!cluster || !needle) return [];
    const kinds = (discovery.data?.resources ?? [])
      .filter((r) => r.verbs.includes('list') && [r.kind, r.resource, ...r.shortNames].some((s) => s.toLowerCase().startsWith(needle)))
      .slice(0, MAX_KINDS)
      .map((r) => ({ key: `kind/${r.group}/${r.version}/${r.resource}`, kind: t('kind'), label: r.kind, sub: r.group || 'core', href: gvrHref({ cluster, group: r.group, version: r.version, resource: r.resource }) }));
    const objects = results.flatMap((res, i) => {
      const k = SEARCHED_KINDS[i]!;
      return (res.data?.items ?? []).map((o) => {
        const name = text(pick(o, 'metadata.name'));
        const ns = text(pick(o, 'metadata.namespace')) || undefined;
        return { key: `obj/${k.resource}/${ns ?? ''}/${name}`, kind: kindDef(k.group, k.resource)?.kind ?? k.resource, label: name, sub: ns, href: objectHref({ cluster, ...k }, name, ns) };
      });
    });
    return [...kinds, ...objects];
  }, [cluster, needle, discovery.data, results, t]);
  const searching = results.some((r) => r.isFetching);
  const go = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    router.push(item.href);
  };

  return (
    <Modal open onCancel={onClose} footer={null} title={t('title')} width={640} destroyOnHidden data-testid="search-palette">
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          value={cluster}
          aria-label={t('cluster')}
          onChange={setPicked}
          options={items.map((c) => ({ value: c.id, label: c.displayName }))}
          style={{ width: 200 }}
        />
        <Input
          autoFocus
          value={query}
          placeholder={t('placeholder')}
          aria-label={t('placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, list.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') go(list[active]);
            else return;
            e.preventDefault();
          }}
        />
      </Space.Compact>
      {needle && list.length === 0 && !searching ? (
        <Empty description={t('nothing')} />
      ) : (
        <List<Item>
          size="small"
          loading={searching && list.length === 0}
          dataSource={list}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(item, i) => (
            <List.Item
              onClick={() => go(item)}
              onMouseEnter={() => setActive(i)}
              style={{ cursor: 'pointer', paddingInline: 8, background: i === active ? 'var(--ant-control-item-bg-active, rgba(22,119,255,0.08))' : undefined }}
              data-testid="search-result"
              aria-selected={i === active}
            >
              <Space>
                <Tag>{item.kind}</Tag>
                <Typography.Text strong>{item.label}</Typography.Text>
                {item.sub && <Typography.Text type="secondary">{item.sub}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
