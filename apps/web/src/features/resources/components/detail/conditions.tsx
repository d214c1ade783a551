'use client';
import { pick, text, type K8sObject } from '@wheelhouse/shared';
import { Card, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import { age } from '../../columns';

type Condition = { type: string; status: string; reason: string; message: string; lastTransitionTime: string };

/** status.conditions as a table: True is green, False red unless the condition is a problem flag (e.g. DiskPressure). */
export function ConditionsTable({ object }: { object: K8sObject }) {
  const t = useTranslations('objectDetail');
  const raw = pick(object, 'status.conditions');
  const rows: Condition[] = (Array.isArray(raw) ? raw : []).map((c) => ({
    type: text(pick(c, 'type')),
    status: text(pick(c, 'status')),
    reason: text(pick(c, 'reason')),
    message: text(pick(c, 'message')),
    lastTransitionTime: text(pick(c, 'lastTransitionTime')),
  }));
  if (rows.length === 0) return null;
  // Node pressure conditions and the like are healthy when False.
  const problem = (type: string) => /Pressure|Unavailable|Failed|Stalled|Degraded/.test(type);
  return (
    <Card size="small" title={t('conditions')} data-testid="object-conditions">
      <Table<Condition>
        size="small"
        rowKey="type"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'type', title: t('condition.type'), dataIndex: 'type' },
          {
            key: 'status',
            title: t('condition.status'),
            render: (_, c) => {
              const good = (c.status === 'True') !== problem(c.type);
              return <Tag color={c.status === 'Unknown' ? 'default' : good ? 'success' : 'error'}>{c.status}</Tag>;
            },
          },
          { key: 'reason', title: t('condition.reason'), dataIndex: 'reason' },
          { key: 'message', title: t('condition.message'), dataIndex: 'message' },
          { key: 'changed', title: t('condition.lastTransition'), render: (_, c) => (c.lastTransitionTime ? age(c.lastTransitionTime) : '') },
        ]}
      />
    </Card>
  );
}
