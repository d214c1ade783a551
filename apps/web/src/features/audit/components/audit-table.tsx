'use client';
import { KeyOutlined } from '@ant-design/icons';
import { AUDIT_RESULTS, type AuditEvent } from '@wheelhouse/shared';
import { Descriptions, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';

const RESULT_COLORS: Record<string, string> = {
  success: 'green',
  allowed: 'green',
  denied: 'orange',
  failure: 'red',
  error: 'red',
};

const isKnownResult = (result: string): result is (typeof AUDIT_RESULTS)[number] =>
  AUDIT_RESULTS.some((known) => known === result);

function Target({ event }: { event: AuditEvent }) {
  const { type, name, id, cluster, namespace } = event.target;
  const where = [cluster, namespace].filter(Boolean).join('/');
  return (
    <Space size={4} wrap>
      {type && <Tag>{type}</Tag>}
      {(name ?? id) && <Typography.Text>{name ?? id}</Typography.Text>}
      {where && <Typography.Text code>{where}</Typography.Text>}
    </Space>
  );
}

/** The request's context, shown on expanding a row; details are printed as JSON text, never interpreted. */
function EventDetails({ event }: { event: AuditEvent }) {
  const t = useTranslations('audit.columns');
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'requestId',
          label: t('requestId'),
          children: <Typography.Text copyable>{event.requestId ?? '—'}</Typography.Text>,
        },
        {
          key: 'userAgent',
          label: t('userAgent'),
          children: <span style={{ wordBreak: 'break-all' }}>{event.userAgent ?? '—'}</span>,
        },
        {
          key: 'details',
          label: t('details'),
          children:
            event.details === null || event.details === undefined ? (
              '—'
            ) : (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(event.details, null, 2)}
              </pre>
            ),
        },
      ]}
    />
  );
}

export function AuditTable({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  const t = useTranslations('audit');
  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('columns.time'),
      dataIndex: 'time',
      width: 170,
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(e.time).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      title: t('columns.actor'),
      key: 'actor',
      width: 150,
      ellipsis: true,
      render: (_, e) => (
        <Space size={4}>
          <Typography.Text strong>{e.actor.name ?? t('anonymous')}</Typography.Text>
          {e.actor.viaToken && (
            <Tooltip title={t('viaToken')}>
              <KeyOutlined aria-label={t('viaToken')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('columns.action'),
      dataIndex: 'action',
      width: 210,
      render: (_, e) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {e.action}
        </Typography.Text>
      ),
    },
    { title: t('columns.target'), key: 'target', render: (_, e) => <Target event={e} /> },
    {
      title: t('columns.result'),
      dataIndex: 'result',
      width: 130,
      render: (_, e) => (
        <Space size={4}>
          <Tag color={RESULT_COLORS[e.result]}>{isKnownResult(e.result) ? t(`results.${e.result}`) : e.result}</Tag>
          {e.status !== null && <Typography.Text type="secondary">{e.status}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('columns.clientIp'), dataIndex: 'clientIp', width: 140, render: (_, e) => e.clientIp ?? '—' },
  ];
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={events}
      loading={loading}
      pagination={false}
      expandable={{ expandedRowRender: (e) => <EventDetails event={e} /> }}
      locale={{ emptyText: t('empty') }}
      // A fixed minimum width: an expanded row's long user agent or details must wrap, not widen the table.
      scroll={{ x: 1000 }}
      data-testid="audit-table"
    />
  );
}
