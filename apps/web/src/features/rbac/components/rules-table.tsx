'use client';
import type { RoleRule } from '@wheelhouse/shared';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import { groupLabel } from '../format';

type Row = RoleRule & { index: number };

function Tags({ items, color }: { items: readonly string[]; color?: string }) {
  return (
    <>
      {items.map((item) => (
        <Tag key={item} color={item === '*' ? 'red' : color} style={{ marginBlock: 2 }}>
          {item}
        </Tag>
      ))}
    </>
  );
}

/** A role's rules, read-only: verbs × API groups × resources (× names). */
export function RulesTable({ rules }: { rules: RoleRule[] }) {
  const t = useTranslations('roles.rule');
  const columns: TableColumnsType<Row> = [
    { title: '#', dataIndex: 'index', width: 48, render: (_, row) => row.index + 1 },
    { title: t('verbs'), dataIndex: 'verbs', render: (_, row) => <Tags items={row.verbs} color="geekblue" /> },
    {
      title: t('apiGroups'),
      dataIndex: 'apiGroups',
      render: (_, row) => <Tags items={row.apiGroups.map(groupLabel)} />,
    },
    { title: t('resources'), dataIndex: 'resources', render: (_, row) => <Tags items={row.resources} color="green" /> },
    {
      title: t('resourceNames'),
      dataIndex: 'resourceNames',
      render: (_, row) =>
        row.resourceNames?.length ? (
          <Tags items={row.resourceNames} />
        ) : (
          <Typography.Text type="secondary">{t('anyName')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<Row>
      rowKey="index"
      size="small"
      columns={columns}
      dataSource={rules.map((rule, index) => ({ ...rule, index }))}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="rules-table"
    />
  );
}
