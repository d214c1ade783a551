'use client';
import { statusOf, type ColumnDef, type K8sObject, type KindDef, type Status, type Tone } from '@wheelhouse/shared';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { age } from '../columns';

const TAG_COLOR: Record<Tone, string> = { success: 'success', processing: 'processing', warning: 'warning', error: 'error', default: 'default' };
const MAX_TAGS = 3;

/** A status as a coloured tag; the cluster's own words as is, the console's words translated, details on hover. */
export function StatusTag({ status }: { status: Status | undefined }) {
  const t = useTranslations('resources.status');
  if (!status) return null;
  const label = status.key ? t(status.key) : status.text;
  const tag = (
    <Tag color={TAG_COLOR[status.tone]} data-testid="status-tag" data-tone={status.tone}>
      {label}
    </Tag>
  );
  return status.detail ? <Tooltip title={status.detail}>{tag}</Tooltip> : tag;
}

/** One table cell, rendered by the column's type. */
export function Cell({ column, def, object }: { column: ColumnDef; def: KindDef | undefined; object: K8sObject }) {
  const t = useTranslations('resources');
  if (column.type === 'status') return <StatusTag status={statusOf(def, object)} />;
  const value = column.value(object);
  if (value === null || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  switch (column.type) {
    case 'age':
      return <Tooltip title={String(value)}>{age(String(value))}</Tooltip>;
    case 'tags': {
      const list = Array.isArray(value) ? value : [String(value)];
      if (list.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
      return (
        <>
          {list.slice(0, MAX_TAGS).map((v) => (
            <Tag key={v} style={{ marginBottom: 2 }}>
              {v}
            </Tag>
          ))}
          {list.length > MAX_TAGS && (
            <Tooltip title={list.slice(MAX_TAGS).join(', ')}>
              <Tag>{t('moreTags', { count: list.length - MAX_TAGS })}</Tag>
            </Tooltip>
          )}
        </>
      );
    }
    default:
      return <>{Array.isArray(value) ? value.join(', ') : String(value)}</>;
  }
}
