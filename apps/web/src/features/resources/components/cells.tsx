'use client';
import { statusOf, type ColumnDef, type K8sObject, type KindDef, type Status, type Tone } from '@wheelhouse/shared';
import { Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { age } from '../columns';

const TAG_COLOR: Record<Tone, string> = { success: 'success', processing: 'processing', warning: 'warning', error: 'error', default: 'default' };
const MAX_TAGS = 3;

/**
 * A status as a coloured tag; the cluster's own words as is, the console's words translated, details on hover.
 * Hovers here and in the cells below are native titles: an antd Tooltip per cell costs more to render than the
 * cell itself, and list rows are rendered by the screenful while scrolling.
 */
export function StatusTag({ status }: { status: Status | undefined }) {
  const t = useTranslations('resources.status');
  if (!status) return null;
  const label = status.key ? t(status.key) : status.text;
  return (
    <Tag color={TAG_COLOR[status.tone]} data-testid="status-tag" data-tone={status.tone} title={status.detail || undefined}>
      {label}
    </Tag>
  );
}

/** One table cell, rendered by the column's type. */
export function Cell({ column, def, object }: { column: ColumnDef; def: KindDef | undefined; object: K8sObject }) {
  const t = useTranslations('resources');
  if (column.type === 'status') return <StatusTag status={statusOf(def, object)} />;
  const value = column.value(object);
  if (value === null || value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  switch (column.type) {
    case 'age':
      return <span title={String(value)}>{age(String(value))}</span>;
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
            <Tag title={list.slice(MAX_TAGS).join(', ')}>{t('moreTags', { count: list.length - MAX_TAGS })}</Tag>
          )}
        </>
      );
    }
    default: {
      const shown = Array.isArray(value) ? value.join(', ') : String(value);
      return (
        <span className="wh-vt-ellipsis" title={shown}>
          {shown}
        </span>
      );
    }
  }
}
