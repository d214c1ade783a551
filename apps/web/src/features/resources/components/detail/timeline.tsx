'use client';
import { useQuery } from '@tanstack/react-query';
import { TimelineSchema, type ObjectRef, type TimelineAudit, type TimelineEvent, type TimelineItem, type TimelineItemKind, type TimelineRevision } from '@wheelhouse/shared';
import { Alert, Empty, Flex, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';
import { useErrorMessage } from '@/lib/use-error-message';
import { listKey } from '../../api';

const KINDS: TimelineItemKind[] = ['event', 'revision', 'audit'];
const FAILED = new Set<TimelineAudit['result']>(['denied', 'error', 'failure']);

/** Under the kind's list key: a live delta of the object (a rollout, an edit) refetches the timeline too. */
function useTimeline(ref: ObjectRef) {
  return useQuery({
    queryKey: [...listKey(ref), 'timeline', ref.namespace ?? '', ref.name],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/clusters/${encodeURIComponent(ref.cluster)}/timeline${toQueryString({ group: ref.group || 'core', version: ref.version, resource: ref.resource, namespace: ref.namespace, name: ref.name })}`,
        TimelineSchema,
        { signal },
      ),
    staleTime: 5_000,
    // Events arrive without a change to the object itself.
    refetchInterval: 30_000,
  });
}

const colorOf = (i: TimelineItem) =>
  i.kind === 'event' ? (i.type === 'Warning' ? 'red' : 'gray') : i.kind === 'revision' ? 'blue' : FAILED.has(i.result) ? 'orange' : 'green';

/**
 * One object's history: its Kubernetes events, its revisions and who changed it through the console, newest
 * first, filterable by source. Everything the cluster or a user wrote is rendered as plain text.
 */
export function ObjectTimeline({ target }: { target: ObjectRef }) {
  const t = useTranslations('objectDetail');
  const errorMessage = useErrorMessage();
  const timeline = useTimeline(target);
  const [shown, setShown] = useState<ReadonlySet<TimelineItemKind>>(new Set(KINDS));
  if (timeline.isPending) return <Spin />;
  if (timeline.error) return <Alert type="error" showIcon title={errorMessage(timeline.error)} />;
  const { items, hidden } = timeline.data;
  const visible = items.filter((i) => shown.has(i.kind));
  const toggle = (kind: TimelineItemKind, on: boolean) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="object-timeline">
      <Flex gap={4} wrap>
        {KINDS.map((kind) => (
          <Tag.CheckableTag key={kind} checked={shown.has(kind)} onChange={(on) => toggle(kind, on)} data-testid={`timeline-filter-${kind}`}>
            {t(`timeline.filter.${kind}`, { count: items.filter((i) => i.kind === kind).length })}
          </Tag.CheckableTag>
        ))}
      </Flex>
      {visible.length === 0 ? (
        <Empty description={t('timeline.empty')} />
      ) : (
        <Timeline
          items={visible.map((i) => ({
            key: i.kind === 'revision' ? `revision-${i.name}` : `${i.kind}-${i.id}`,
            color: colorOf(i),
            content: (
              <div data-testid="timeline-item" data-kind={i.kind}>
                {i.kind === 'event' ? <EventEntry e={i} /> : i.kind === 'revision' ? <RevisionEntry r={i} /> : <AuditEntry a={i} />}
                <When time={i.time} />
              </div>
            ),
          }))}
        />
      )}
      {hidden.map((h) => (
        <Typography.Text key={`${h.group}/${h.resource}`} type="secondary" data-testid="timeline-hidden">
          {t('hiddenKind', { resource: h.resource })}
        </Typography.Text>
      ))}
    </Space>
  );
}

function When({ time }: { time: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const date = new Date(time);
  return (
    <div>
      <Typography.Text type="secondary">
        {format.relativeTime(date, now)} · {dayjs(date).format('YYYY-MM-DD HH:mm:ss')}
      </Typography.Text>
    </div>
  );
}

function Line({ children }: { children: ReactNode }) {
  return (
    <Space size={6} wrap>
      {children}
    </Space>
  );
}

function EventEntry({ e }: { e: TimelineEvent }) {
  const t = useTranslations('objectDetail');
  return (
    <>
      <Line>
        <Typography.Text strong>{e.reason}</Typography.Text>
        {e.type === 'Warning' && <Tag color="error">{e.type}</Tag>}
        {e.count > 1 && <Tag>{t('timeline.count', { count: e.count })}</Tag>}
        {e.source && <Typography.Text type="secondary">{e.source}</Typography.Text>}
      </Line>
      {e.message && (
        <div>
          <Typography.Text>{e.message}</Typography.Text>
        </div>
      )}
    </>
  );
}

function RevisionEntry({ r }: { r: TimelineRevision }) {
  const t = useTranslations('objectDetail');
  return (
    <>
      <Line>
        <Typography.Text strong>{t('timeline.revision', { revision: r.revision })}</Typography.Text>
        {r.current && <Tag color="blue">{t('timeline.current')}</Tag>}
        <Typography.Text type="secondary">{r.name}</Typography.Text>
      </Line>
      <Flex gap={4} wrap style={{ marginTop: 4 }}>
        {r.images.map((c) => (
          <Tooltip key={c.container} title={c.container}>
            <Tag>{c.image}</Tag>
          </Tooltip>
        ))}
      </Flex>
      {r.changeCause && (
        <div>
          <Typography.Text italic>{r.changeCause}</Typography.Text>
        </div>
      )}
    </>
  );
}

function AuditEntry({ a }: { a: TimelineAudit }) {
  const t = useTranslations('objectDetail');
  const tAudit = useTranslations('audit');
  const [channel, verb] = a.action.split('.', 2);
  return (
    <Line>
      <Typography.Text strong>{a.actor ?? tAudit('anonymous')}</Typography.Text>
      <Typography.Text>{t('timeline.did', { verb: a.subresource === 'scale' ? 'scale' : (verb ?? '') })}</Typography.Text>
      {channel === 'proxy' && <Tag>{t('timeline.viaProxy')}</Tag>}
      {FAILED.has(a.result) && <Tag color="warning">{tAudit(`results.${a.result}`)}</Tag>}
    </Line>
  );
}
