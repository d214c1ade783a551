'use client';
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { clusterInPath, REMEMBERED_CLUSTER_KEY } from '@/kit/hrefs';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useErrorMessage } from '@/lib/use-error-message';
import { searchable, useGlobalSearch, useSearchClusters, useSearchDiscovery } from '../api';
import { buildPalette, type PaletteItem, type PaletteSection } from '../palette-items';

/** Ctrl/⌘-K from anywhere: jump to a kind of the current cluster, or to any object by name or label in any cluster. */
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
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const pathname = usePathname();
  // Kind jumps need a cluster: the one in the URL, else the last one picked; on the home page maybe none.
  const [wanted] = useState(() => clusterInPath(pathname) ?? window.localStorage.getItem(REMEMBERED_CLUSTER_KEY) ?? undefined);
  const clusters = useSearchClusters();
  const current = clusters.data?.items.find((c) => c.id === wanted);
  const [query, setQuery] = useState('');
  const needle = useDebouncedValue(query.trim(), 150);
  const discovery = useSearchDiscovery(current?.id);
  const search = useGlobalSearch(needle);
  const [active, setActive] = useState(0);

  const palette = useMemo(
    () =>
      buildPalette({
        needle,
        current: current && { id: current.id, displayName: current.displayName },
        kinds: discovery.data?.resources ?? [],
        result: searchable(needle) ? search.data : undefined,
      }),
    [needle, current, discovery.data, search.data],
  );
  const { items } = palette;
  const go = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    router.push(item.href);
  };
  const searching = searchable(needle) && search.isFetching;

  return (
    <Modal open onCancel={onClose} footer={null} title={t('title')} width={680} destroyOnHidden data-testid="search-palette">
      <Input
        autoFocus
        value={query}
        placeholder={t('placeholder')}
        aria-label={t('placeholder')}
        suffix={searching ? <Spin size="small" /> : <span />}
        style={{ marginBottom: 12 }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') go(items[Math.min(active, items.length - 1)]);
          else return;
          e.preventDefault();
        }}
      />
      {search.isError && searchable(needle) && <Alert type="warning" showIcon title={errorMessage(search.error)} style={{ marginBottom: 12 }} data-testid="search-error" />}
      {needle && !searchable(needle) && <Typography.Text type="secondary">{t('hint')}</Typography.Text>}
      {searchable(needle) && items.length === 0 && !searching && !search.isError && <Empty description={t('nothing')} />}
      <div role="listbox" aria-label={t('title')} style={{ maxHeight: 440, overflow: 'auto' }}>
        {palette.sections.map((s) => (
          <Section key={s.key} section={s} title={s.cluster ? s.cluster.displayName : t('kindsIn', { cluster: current?.displayName ?? '' })} active={active} onHover={setActive} onPick={go} />
        ))}
      </div>
      {palette.notes.map((n) => (
        <Typography.Paragraph key={`${n.cluster.id}/${n.kind?.resource ?? ''}`} type="secondary" style={{ margin: '8px 0 0' }} data-testid="search-note">
          {n.reason === 'unreachable' ? t('unreachable', { cluster: n.cluster.displayName }) : t('partial', { cluster: n.cluster.displayName, kind: n.kind?.kind ?? '' })}
        </Typography.Paragraph>
      ))}
    </Modal>
  );
}

function Section(props: { section: PaletteSection; title: string; active: number; onHover: (i: number) => void; onPick: (item: PaletteItem) => void }) {
  const t = useTranslations('search');
  const { section, active } = props;
  return (
    <div role="group" aria-label={props.title} data-testid="search-group" data-cluster={section.cluster?.id ?? ''} style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary" strong style={{ display: 'block', padding: '4px 8px', fontSize: 12 }} data-testid="search-group-title">
        {props.title}
      </Typography.Text>
      {section.rows.map((row) =>
        row.type === 'more' ? (
          <Typography.Text key={row.key} type="secondary" style={{ display: 'block', paddingInline: 8, fontSize: 12 }}>
            {t('more', { count: row.count, kind: row.kind })}
          </Typography.Text>
        ) : (
          <Row key={row.item.key} item={row.item} selected={row.index === active} onHover={() => props.onHover(row.index)} onPick={() => props.onPick(row.item)} />
        ),
      )}
    </div>
  );
}

function Row({ item, selected, onHover, onPick }: { item: PaletteItem; selected: boolean; onHover: () => void; onPick: () => void }) {
  const t = useTranslations('search');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return (
    <div
      ref={ref}
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      onClick={onPick}
      // Only a pointer that really moved picks a row: keyboard navigation scrolls the list under a resting pointer,
      // and the browser's synthetic mouse events after that scroll would otherwise steal the selection.
      onMouseMove={(e) => {
        if (pointerMoved(e.clientX, e.clientY)) onHover();
      }}
      data-testid="search-result"
      style={{ cursor: 'pointer', padding: '4px 8px', borderRadius: 6, background: selected ? 'var(--ant-control-item-bg-active, rgba(22,119,255,0.08))' : undefined }}
    >
      <Space size={6} wrap>
        <Tag>{item.kind || t('kind')}</Tag>
        <Typography.Text strong>{item.label}</Typography.Text>
        {item.sub && <Typography.Text type="secondary">{item.sub}</Typography.Text>}
        {item.labels?.map((l) => (
          <Tag key={l} color="blue" bordered={false}>
            {l}
          </Tag>
        ))}
      </Space>
    </div>
  );
}

let lastPointer: { x: number; y: number } | null = null;
function pointerMoved(x: number, y: number): boolean {
  const moved = lastPointer !== null && (lastPointer.x !== x || lastPointer.y !== y);
  lastPointer = { x, y };
  return moved;
}
