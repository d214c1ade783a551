'use client';
import { cellOf, type ColumnDef, type KindDef } from '@wheelhouse/shared';
import { Empty, Flex, Spin, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { VirtualTable, type SortOrder, type VirtualColumn } from '@/kit/virtual-table';
import { objectHref, type Gvr, type useResourcePages } from '../api';
import { pick, text, type K8sObject } from '../columns';
import { rowKey, rowsOf, totalOf } from '../list-pages';
import { DEFAULT_SORT, type ListView } from '../list-url-state';
import type { Selected } from './bulk-delete';
import { Cell } from './cells';

/** Fixed widths per cell type: a virtual table lays rows out without measuring them. */
const WIDTH: Record<ColumnDef['type'], number> = { text: 180, number: 100, age: 90, status: 130, tags: 260 };
const NAME_WIDTH = 300;
/** Rows left below the viewport when the next page is asked for: ~a second of fast scrolling. */
const PREFETCH_ROWS = 150;
/** Under the table: the count line and the card's padding. */
const BELOW_TABLE = 72;
const MIN_BODY_HEIGHT = 240;

const widthOf = (c: ColumnDef) => (c.key === 'name' ? NAME_WIDTH : WIDTH[c.type]);
const refOf = (o: K8sObject) => ({ name: text(pick(o, 'metadata.name')), namespace: text(pick(o, 'metadata.namespace')) || undefined });

type Props = {
  gvr: Gvr;
  def: KindDef | undefined;
  specs: ColumnDef[];
  title: (c: ColumnDef) => string;
  view: ListView;
  setView: (patch: Partial<ListView>) => void;
  list: ReturnType<typeof useResourcePages>;
  /** Null when the kind cannot be deleted: no checkboxes. */
  selection: { selected: Selected[]; onChange: (s: Selected[]) => void } | null;
  onOpen: (ref: { name: string; namespace?: string }) => void;
};

/** The body height that makes the table end at the bottom of the window, and the width it has. */
function useFillViewport() {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ height: 480, width: 960 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      const header = el.querySelector('.wh-vt-head')?.getBoundingClientRect().height ?? 44;
      const top = rect.top + window.scrollY;
      const height = Math.max(MIN_BODY_HEIGHT, Math.floor(window.innerHeight - top - header - BELOW_TABLE));
      setBox((b) => (b.height === height && b.width === Math.floor(rect.width) ? b : { height, width: Math.floor(rect.width) }));
    };
    measure();
    // The body too: an alert appearing above moves the table without resizing it.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return [ref, box] as const;
}

/**
 * One kind's rows, all of them: pages of the server's filtered, sorted list are appended as the user scrolls
 * near the end, and the virtual table keeps only the visible rows in the DOM.
 */
export function ResourceTable({ gvr, def, specs, title, view, setView, list, selection, onOpen }: Props) {
  const t = useTranslations('resources');
  const [wrapper, box] = useFillViewport();
  const rows = useMemo(() => rowsOf(list.data), [list.data]);
  const total = totalOf(list.data);

  const router = useRouter();
  // A plain click navigates inside the app; with a modifier or another button the browser opens a tab as usual.
  const follow = useCallback(
    (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      router.push(e.currentTarget.getAttribute('href') ?? '/');
    },
    [router],
  );

  const columns: VirtualColumn<K8sObject>[] = useMemo(
    () =>
      specs.map((spec) => ({
        key: spec.key,
        title: title(spec),
        width: widthOf(spec),
        sortable: Boolean(spec.sort),
        align: spec.type === 'number' ? 'right' : undefined,
        sortOrder: spec.sort === view.sort ? (view.order === 'asc' ? 'ascend' : 'descend') : null,
        render: (o: K8sObject) =>
          spec.key === 'name' ? (
            // The name opens the detail page; the rest of the row opens the quick-look drawer. A plain link, not
            // next/link: that one registers every anchor it mounts (prefetch on sight, pending state) and rows
            // mount by the thousand while scrolling, which kept garbage collection busy; `follow` navigates.
            <a className="wh-vt-ellipsis" href={objectHref(gvr, text(cellOf(spec, o)), text(pick(o, 'metadata.namespace')) || undefined)} onClick={follow}>
              {text(cellOf(spec, o))}
            </a>
          ) : (
            <Cell column={spec} def={def} object={o} />
          ),
      })),
    [specs, title, view.sort, view.order, gvr, def, follow],
  );

  // The next page is asked for once the last row drawn is within PREFETCH_ROWS of the end of what is loaded
  // (and again when a fetch ends while the user is still there: the handler changes with isFetching).
  const { hasNextPage, isFetching, fetchNextPage } = list;
  const onNearEnd = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);

  const onSort = useCallback(
    (key: string, order: SortOrder) => {
      const spec = specs.find((c) => c.key === key);
      setView(spec?.sort && order ? { sort: spec.sort, order: order === 'ascend' ? 'asc' : 'desc' } : { sort: DEFAULT_SORT, order: 'asc' });
    },
    [specs, setView],
  );
  const open = useCallback((o: K8sObject) => onOpen(refOf(o)), [onOpen]);
  const labels = useMemo(() => ({ selectAll: t('selectAll'), selectRow: t('selectRow') }), [t]);
  const picked = selection?.selected;
  const onSelect = selection?.onChange;
  const selected = useMemo(() => new Set((picked ?? []).map((x) => x.key)), [picked]);
  const tableSelection = useMemo(
    () => (onSelect ? { selected, onChange: (_keys: string[], chosen: K8sObject[]) => onSelect(chosen.map((o) => ({ key: rowKey(o), ...refOf(o) }))) } : undefined),
    [onSelect, selected],
  );

  return (
    // data-loaded: how many rows are loaded, for the bench and tests (the DOM only holds the visible ones).
    <div ref={wrapper} data-loaded={rows.length}>
      <VirtualTable<K8sObject>
        testId="resource-table"
        rows={rows}
        rowKey={rowKey}
        columns={columns}
        height={box.height}
        width={box.width}
        onSort={onSort}
        selection={tableSelection}
        onOpen={open}
        onNearEnd={onNearEnd}
        nearEnd={PREFETCH_ROWS}
        resetKey={JSON.stringify(view)}
        loading={list.isFetching && !list.data}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
        labels={labels}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="resource-total">
          {total === undefined ? '' : t('total', { count: total })}
        </Typography.Text>
        {list.isFetchingNextPage && (
          <Typography.Text type="secondary">
            <Spin size="small" /> {t('loadingMore', { loaded: rows.length, total: total ?? rows.length })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
