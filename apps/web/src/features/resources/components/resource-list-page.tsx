'use client';
import { Alert, Card, Flex, Input, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { kindDef, listColumns, type ColumnDef } from '@wheelhouse/shared';
import { useCallback, useMemo, useState } from 'react';
import { ApiError, isApiError, isKnownErrorCode } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { listParams, useKindInfo, useResourcePages, type Gvr } from '../api';
import { useListView } from '../list-url-state';
import { useLiveList } from '../live';
import { BulkDelete, type Selected } from './bulk-delete';
import { ColumnChooser, useVisibleColumns } from './column-chooser';
import { CreateYamlButton } from './create-yaml/create-yaml-button';
import { LiveBadge } from './live-badge';
import { NamespaceSelect } from './namespace-select';
import { ObjectDrawer } from './object-drawer';
import { ResourceTable } from './resource-table';

/** Any kind from discovery: server-side filtering and sorting, continuous loading (continue tokens), live refresh. */
export function ResourceListPage({ gvr }: { gvr: Gvr }) {
  const t = useTranslations('resources');
  const errorMessage = useErrorMessage();
  const info = useKindInfo(gvr);
  const namespaced = info?.namespaced ?? true;

  const def = kindDef(gvr.group, gvr.resource);
  const [view, setView] = useListView();
  const namespace = view.namespace;
  // The selection belongs to the view it was made in: another filter or sort starts empty.
  const viewKey = JSON.stringify(view);
  const [selection, setSelection] = useState<{ key: string; items: Selected[] }>({ key: viewKey, items: [] });
  const selected = selection.key === viewKey ? selection.items : [];

  const params = listParams(view, namespaced);
  const pages = useResourcePages(gvr, params);
  // The newest page speaks for the view: staleness, the namespaces it was restricted to, the error.
  const list = { data: pages.data?.pages.at(-1), error: pages.error };
  const live = useLiveList(gvr, params.namespace);
  const [open, setOpen] = useState<{ name: string; namespace?: string } | null>(null);

  // One namespace picked: its column would repeat the same value on every row.
  const showNamespace = namespaced && !params.namespace;
  const printer = info?.printerColumns;
  // Stable between renders (a page loaded, a live change): the table's rows are memoised on their columns.
  const all = useMemo(() => listColumns(def, { showNamespace, printer }), [def, showNamespace, printer]);
  const [specs, chosen, choose] = useVisibleColumns(`${gvr.group || 'core'}/${gvr.resource}`, all);
  const title = useCallback((c: ColumnDef) => c.title ?? t(`columns.${c.key}` as 'columns.name'), [t]);
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
          {(!info || info.verbs.includes('create')) && (
            <CreateYamlButton cluster={gvr.cluster} kind={info ?? undefined} namespace={namespaced ? namespace : undefined} />
          )}
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
      <ResourceTable
        gvr={gvr}
        def={def}
        specs={specs}
        title={title}
        view={view}
        setView={setView}
        list={pages}
        selection={canDelete ? { selected, onChange: (items) => setSelection({ key: viewKey, items }) } : null}
        onOpen={setOpen}
      />
      {open && <ObjectDrawer gvr={gvr} name={open.name} namespace={open.namespace} onClose={() => setOpen(null)} />}
    </Card>
  );
}
