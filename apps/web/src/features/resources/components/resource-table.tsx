'use client';
import type { ColumnDef, KindDef } from '@wheelhouse/shared';
import { Flex, Spin, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentRef, type UIEvent } from 'react';
import { objectHref, type Gvr, type useResourcePages } from '../api';
import { pick, text, type K8sObject } from '../columns';
import { rowKey, rowsOf, totalOf } from '../list-pages';
import { DEFAULT_SORT, type ListView } from '../list-url-state';
import type { Selected } from './bulk-delete';
import { Cell } from './cells';

/** Fixed widths per cell type: a virtual table lays rows out without measuring them. */
const WIDTH: Record<ColumnDef['type'], number> = { text: 180, number: 100, age: 90, status: 130, tags: 260 };
const NAME_WIDTH = 300;
const SELECTION_WIDTH = 48;
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
      const header = el.querySelector('.ant-table-header')?.getBoundingClientRect().height ?? 48;
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
 * near the end, and antd's virtual table keeps only the visible rows in the DOM.
 */
export function ResourceTable({ gvr, def, specs, title, view, setView, list, selection, onOpen }: Props) {
  const t = useTranslations('resources');
  const [wrapper, box] = useFillViewport();
  const table = useRef<ComponentRef<typeof Table>>(null);
  const rows = useMemo(() => rowsOf(list.data), [list.data]);
  const total = totalOf(list.data);

  const columns: TableColumnsType<K8sObject> = useMemo(
    () =>
      specs.map((spec) => ({
        key: spec.key,
        title: title(spec),
        width: widthOf(spec),
        ellipsis: true,
        sorter: Boolean(spec.sort),
        align: spec.type === 'number' ? 'right' : undefined,
        sortOrder: spec.sort === view.sort ? (view.order === 'asc' ? 'ascend' : 'descend') : null,
        // Cells of a virtual table are divs: roles keep rows and cells what they are to assistive tech (and tests).
        onCell: () => ({ role: 'cell' }),
        render: (_: unknown, o: K8sObject) =>
          spec.key === 'name' ? (
            // The name opens the detail page; the rest of the row opens the quick-look drawer. No prefetch on
            // sight: scrolling through thousands of rows would request every object's route.
            <Link
              href={objectHref(gvr, text(spec.value(o)), text(pick(o, 'metadata.namespace')) || undefined)}
              prefetch={false}
              onClick={(e) => e.stopPropagation()}
            >
              {text(spec.value(o))}
            </Link>
          ) : (
            <Cell column={spec} def={def} object={o} />
          ),
      })),
    [specs, title, view.sort, view.order, gvr, def],
  );
  const scrollX = Math.max(box.width, specs.reduce((sum, c) => sum + widthOf(c), selection ? SELECTION_WIDTH : 0));

  // The next page is asked for once the user is within PREFETCH_ROWS of the end of what is loaded (and again if a
  // live re-fetch of the loaded pages ends while they are still there). Measured at a row count: once a page is
  // appended the end is farther, until the next scroll says otherwise. Another filter, sort or namespace is
  // another list, not near its end.
  const filterKey = JSON.stringify(view);
  const [near, setNear] = useState({ key: filterKey, rows: 0, end: false });
  const nearEnd = near.key === filterKey && near.rows === rows.length && near.end;
  const { hasNextPage, isFetching, fetchNextPage } = list;
  useEffect(() => {
    if (nearEnd && hasNextPage && !isFetching) void fetchNextPage();
  }, [nearEnd, hasNextPage, isFetching, fetchNextPage]);
  const count = rows.length;
  const onScroll = useCallback(
    (e: UIEvent<HTMLElement>) => {
      const el = e.currentTarget;
      const rowHeight = el.querySelector<HTMLElement>('.ant-table-row')?.offsetHeight || 40;
      const end = el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_ROWS * rowHeight;
      setNear((n) => (n.key === filterKey && n.rows === count && n.end === end ? n : { key: filterKey, rows: count, end }));
    },
    [filterKey, count],
  );

  useEffect(() => table.current?.scrollTo({ top: 0 }), [filterKey]);

  const onChange: TableProps<K8sObject>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const spec = specs.find((c) => c.key === s?.columnKey);
    setView(spec?.sort && s?.order ? { sort: spec.sort, order: s.order === 'ascend' ? 'asc' : 'desc' } : { sort: DEFAULT_SORT, order: 'asc' });
  };

  return (
    // data-loaded: how many rows are loaded, for the bench and tests (the DOM only holds the visible ones).
    <div ref={wrapper} data-loaded={rows.length}>
      <Table<K8sObject>
        ref={table}
        virtual
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: t('empty') }}
        pagination={false}
        scroll={{ x: scrollX, y: box.height }}
        onScroll={onScroll}
        rowClassName={() => 'wh-clickable-row'}
        rowSelection={
          selection
            ? {
                selectedRowKeys: selection.selected.map((x) => x.key),
                onChange: (_keys, picked) => selection.onChange(picked.map((o) => ({ key: rowKey(o), ...refOf(o) }))),
              }
            : undefined
        }
        onRow={(o) => ({
          role: 'row',
          // Ticking a row's checkbox selects it; it does not open the drawer.
          onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && onOpen(refOf(o)),
        })}
        onChange={onChange}
        data-testid="resource-table"
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
