'use client';
import { Alert, Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useObjectEvents } from '../api';

/** An object's events as kept in PostgreSQL: they outlive the cluster's one-hour event TTL. */
export function EventsTimeline({ cluster, uid, namespace }: { cluster: string; uid?: string; namespace?: string }) {
  const t = useTranslations('resources');
  const events = useObjectEvents(cluster, uid, namespace);
  const errorMessage = useErrorMessage();
  if (events.error) return <Alert type="error" showIcon title={errorMessage(events.error)} />;
  if (!events.data) return <Typography.Text type="secondary">{t('loading')}</Typography.Text>;
  if (events.data.items.length === 0) return <Empty description={t('noEvents')} />;
  return (
    <Timeline
      items={events.data.items.map((e) => ({
        key: `${e.uid}-${e.lastTime}`,
        color: e.type === 'Warning' ? 'red' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{e.reason}</Typography.Text>{' '}
            {e.count > 1 && <Tag>{t('eventCount', { count: e.count })}</Tag>}
            <Typography.Text type="secondary"> {dayjs(e.lastTime).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
            <div>
              <Typography.Text>{e.message}</Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}
