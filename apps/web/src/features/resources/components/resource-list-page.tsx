'use client';
import { Alert, Button, Card, Flex, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { kindDef, listColumns, type ColumnDef } from '@wheelhouse/shared';
import { useState } from 'react';
import { ApiError, isApiError, isKnownErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { objectHref, useKindInfo, useResourceList, type Gvr, type ListParams } from '../api';
import { pick, text, type K8sObject } from '../columns';
import { DEFAULT_SORT, useListView } from '../list-url-state';
import { useLiveList } from '../live';
import { BulkDelete, type Selected } from './bulk-delete';
import { Cell } from './cells';
import { ColumnChooser, useVisibleColumns } from './column-chooser';
import { LiveBadge } from './live-badge';
import { NamespaceSelect } from './namespace-select';
import { ObjectDrawer } from './object-drawer';

const PAGE_SIZE = 50;
const rowKey = (o: K8sObject) => text(pick(o, 'metadata.uid')) || `${text(pick(o, 'metadata.namespace'))}/${text(pick(o, 'metadata.name'))}`;

/** Any kind from discovery: server-side filtering, sorting and paging (continue tokens), live refresh. */
export function ResourceListPage({ gvr }: { gvr: Gvr }) {
  const t = useTranslations('resources');
  const errorMessage = useErrorMessage();
  const info = useKindInfo(gvr);
  const namespaced = info?.namespaced ?? true;

  const def = kindDef(gvr.group, gvr.resource);
  const [view, setView] = useListView();
  const namespace = view.namespace;
  // Continue tokens of the pages seen so far (index 0 is the first page), for the filters they were fetched with.
  const filterKey = JSON.stringify(view);
  const [paging, setPaging] = useState<{ key: string; pages: (string | undefined)[] }>({ key: filterKey, pages: [undefined] });
  const pages = paging.key === filterKey ? paging.pages : [undefined];
  const setPages = (f: (p: (string | undefined)[]) => (string | undefined)[]) => setPaging({ key: filterKey, pages: f(pages) });
  const page = pages.length - 1;
  // The selection belongs to the view it was made in: another filter, sort or page starts empty.
  const viewKey = `${filterKey}#${page}`;
  const [selection, setSelection] = useState<{ key: string; items: Selected[] }>({ key: viewKey, items: [] });
  const selected = selection.key === viewKey ? selection.items : [];

  const params: ListParams = {
    namespace: namespaced ? namespace : undefined,
    q: view.q,
    labelSelector: view.label,
    sort: view.sort,
    order: view.order,
    limit: PAGE_SIZE,
    continue: pages[page],
  };
  const list = useResourceList(gvr, params);
  const live = useLiveList(gvr, params.namespace);
  const [open, setOpen] = useState<{ name: string; namespace?: string } | null>(null);

  // One namespace picked: its column would repeat the same value on every row.
  const showNamespace = namespaced && !params.namespace;
  const printer = info?.printerColumns;
  const all = listColumns(def, { showNamespace, printer }); // memoized by the React compiler
  const [specs, chosen, choose] = useVisibleColumns(`${gvr.group || 'core'}/${gvr.resource}`, all);
  const title = (c: ColumnDef) => c.title ?? t(`columns.${c.key}` as 'columns.name');
  const columns: TableColumnsType<K8sObject> = specs.map((spec) => ({
    key: spec.key,
    title: title(spec),
    sorter: Boolean(spec.sort),
    align: spec.type === 'number' ? 'right' : undefined,
    sortOrder: spec.sort === view.sort ? (view.order === 'asc' ? 'ascend' : 'descend') : null,
    render: (_: unknown, o: K8sObject) =>
      spec.key === 'name' ? (
        // The name opens the detail page; the rest of the row opens the quick-look drawer.
        <Link href={objectHref(gvr, text(spec.value(o)), text(pick(o, 'metadata.namespace')) || undefined)} onClick={(e) => e.stopPropagation()}>
          {text(spec.value(o))}
        </Link>
      ) : (
        <Cell column={spec} def={def} object={o} />
      ),
  }));
  const badSelector = isApiError(list.error, 'INVALID_LABEL_SELECTOR');
  // Hidden when the kind cannot be deleted at all; the API still checks each object against the user's roles.
  const canDelete = !info || info.verbs.includes('delete');

  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <Space size={8}>
              {info?.kind ?? gvr.resource}
              <LiveBadge live={live} stale={list.data?.stale} />
            </Space>
          </Typography.Title>
          <Typography.Text type="secondary">
            <Link href={`/clusters/${encodeURIComponent(gvr.cluster)}`}>{gvr.cluster}</Link>
            {' · '}
            {`${gvr.group === 'core' ? '' : `${gvr.group}/`}${gvr.version}/${gvr.resource}`}
          </Typography.Text>
        </div>
        <Space wrap>
          {namespaced && (
            <NamespaceSelect
              cluster={gvr.cluster}
              value={namespace}
              allowed={list.data?.namespaces ?? null}
              onChange={(ns) => setView({ namespace: ns })}
            />
          )}
          <Input.Search
            allowClear
            defaultValue={view.q}
            placeholder={t('search')}
            aria-label={t('search')}
            onSearch={(v) => setView({ q: v.trim() || undefined })}
            style={{ width: 200 }}
          />
          <Input.Search
            allowClear
            defaultValue={view.label}
            status={badSelector ? 'error' : undefined}
            placeholder={t('labelSelector')}
            aria-label={t('labelSelector')}
            onSearch={(v) => setView({ label: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          <ColumnChooser columns={all} chosen={chosen} onChange={choose} title={title} />
          {canDelete && (
            <BulkDelete gvr={gvr} kind={info?.kind ?? gvr.resource} selected={selected} onDone={() => setSelection({ key: viewKey, items: [] })} />
          )}
        </Space>
      </Flex>
      {list.data?.namespaces && (
        <Alert type="info" showIcon title={t('restricted', { namespaces: list.data.namespaces.join(', ') })} style={{ marginBottom: 16 }} />
      )}
      {/* A refused or failed list says why once; the live-updates warning would repeat it. */}
      {live.state === 'error' && live.code && !list.error && (
        <Alert
          type="warning"
          showIcon
          title={t('liveUnavailable')}
          // Why, in the error code's words (e.g. SOCKET_LIMIT: close some tabs and reload).
          description={isKnownErrorCode(live.code) ? errorMessage(new ApiError(0, live.code)) : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      <Table<K8sObject>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: t('empty') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={() => 'wh-clickable-row'}
        rowSelection={
          canDelete
            ? {
                selectedRowKeys: selected.map((x) => x.key),
                onChange: (_keys, rows) =>
                  setSelection({
                    key: viewKey,
                    items: rows.map((o) => ({
                      key: rowKey(o),
                      name: text(pick(o, 'metadata.name')),
                      namespace: text(pick(o, 'metadata.namespace')) || undefined,
                    })),
                  }),
              }
            : undefined
        }
        onRow={(o) => ({
          onClick: (e) =>
            // Ticking a row's checkbox selects it; it does not open the drawer.
            !(e.target as HTMLElement).closest('.ant-table-selection-column') &&
            setOpen({ name: text(pick(o, 'metadata.name')), namespace: text(pick(o, 'metadata.namespace')) || undefined }),
        })}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const spec = specs.find((c) => c.key === s?.columnKey);
          setView(spec?.sort && s?.order ? { sort: spec.sort, order: s.order === 'ascend' ? 'asc' : 'desc' } : { sort: DEFAULT_SORT, order: 'asc' });
        }}
        data-testid="resource-table"
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{list.data ? t('total', { count: list.data.total }) : ''}</Typography.Text>
        <Space>
          <Button disabled={page === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
            {t('previous')}
          </Button>
          <Typography.Text>{t('page', { page: page + 1 })}</Typography.Text>
          <Button
            disabled={!list.data?.continue}
            onClick={() => list.data?.continue && setPages((p) => [...p, list.data.continue ?? undefined])}
          >
            {t('next')}
          </Button>
        </Space>
      </Flex>
      {open && <ObjectDrawer gvr={gvr} name={open.name} namespace={open.namespace} onClose={() => setOpen(null)} />}
    </Card>
  );
}
