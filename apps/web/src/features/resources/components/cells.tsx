'use client';
import { cellOf, rowStatus, type ColumnDef, type K8sObject, type KindDef, type Status, type Tone } from '@wheelhouse/shared';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { age } from '../columns';

const MAX_TAGS = 3;

/**
 * Tags and muted text here are plain elements styled like antd's (`.wh-tag` in globals.css, antd's CSS variables)
 * and hovers are native titles: list rows are rendered by the screenful while scrolling, and an antd Tag, Text or
 * Tooltip per cell (style hooks, context reads) costs several times the cell itself.
 */
function Tag({ tone = 'default', children, ...rest }: { tone?: Tone; children: ReactNode; title?: string; 'data-testid'?: string; 'data-tone'?: Tone }) {
  return (
    <span className={`wh-tag wh-tag-${tone}`} {...rest}>
      {children}
    </span>
  );
}

const Muted = () => <span className="wh-muted">—</span>;

/** A status as a coloured tag; the cluster's own words as is, the console's words translated, details on hover. */
export function StatusTag({ status }: { status: Status | undefined }) {
  const t = useTranslations('resources.status');
  if (!status) return null;
  const label = status.key ? t(status.key) : status.text;
  return (
    <Tag tone={status.tone} data-testid="status-tag" data-tone={status.tone} title={status.detail || undefined}>
      {label}
    </Tag>
  );
}

/** One table cell, rendered by the column's type, of a list row or of a whole object. */
export function Cell({ column, def, object }: { column: ColumnDef; def: KindDef | undefined; object: K8sObject }) {
  const t = useTranslations('resources');
  if (column.type === 'status') return <StatusTag status={rowStatus(def, object)} />;
  const value = cellOf(column, object);
  if (value === null || value === '') return <Muted />;
  switch (column.type) {
    case 'age':
      return <span title={String(value)}>{age(String(value))}</span>;
    case 'tags': {
      const list = Array.isArray(value) ? value : [String(value)];
      if (list.length === 0) return <Muted />;
      return (
        <>
          {list.slice(0, MAX_TAGS).map((v) => (
            <Tag key={v}>
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
