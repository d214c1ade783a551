'use client';
import { Alert, Drawer, Empty, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { stringify } from 'yaml';
import { useErrorMessage } from '@/lib/use-error-message';
import { useObjectEvents, useResourceObject, type Gvr } from '../api';
import { pick, text } from '../columns';

function EventsTimeline({ cluster, uid, namespace }: { cluster: string; uid?: string; namespace?: string }) {
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

/** Read-only view of one object: YAML (cluster text rendered as text) and its events timeline. */
export function ObjectDrawer({
  gvr,
  name,
  namespace,
  onClose,
}: {
  gvr: Gvr;
  name: string;
  namespace?: string;
  onClose: () => void;
}) {
  const t = useTranslations('resources');
  const object = useResourceObject(gvr, name, namespace);
  const errorMessage = useErrorMessage();
  const uid = object.data ? text(pick(object.data, 'metadata.uid')) : undefined;

  return (
    <Drawer open onClose={onClose} size="large" title={namespace ? `${namespace}/${name}` : name} destroyOnHidden>
      {object.error && <Alert type="error" showIcon title={errorMessage(object.error)} />}
      <Tabs
        items={[
          {
            key: 'yaml',
            label: t('yaml'),
            children: object.data ? (
              <pre className="wh-yaml" data-testid="object-yaml">
                {stringify(object.data, { lineWidth: 0 })}
              </pre>
            ) : (
              <Typography.Text type="secondary">{t('loading')}</Typography.Text>
            ),
          },
          {
            key: 'events',
            label: t('events'),
            children: <EventsTimeline cluster={gvr.cluster} uid={uid || undefined} namespace={namespace} />,
          },
        ]}
      />
    </Drawer>
  );
}
