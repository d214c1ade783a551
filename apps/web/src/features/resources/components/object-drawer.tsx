'use client';
import { Alert, Drawer, Tabs, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useErrorMessage } from '@/lib/use-error-message';
import { objectHref, useResourceObject, type Gvr } from '../api';
import { pick, text } from '../columns';
import { EventsTimeline } from './events-timeline';
import { ObjectYaml } from './object-yaml';

/** A quick look at one object from its list: YAML and events; the detail page has the rest. */
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
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={namespace ? `${namespace}/${name}` : name}
      extra={<Link href={objectHref(gvr, name, namespace)}>{t('openDetails')}</Link>}
      destroyOnHidden
    >
      {object.error && <Alert type="error" showIcon title={errorMessage(object.error)} />}
      <Tabs
        items={[
          {
            key: 'yaml',
            label: t('yaml'),
            children: object.data ? (
              // The drawer's header and tabs take ~190px; beyond that the editor scrolls inside itself.
              <ObjectYaml object={object.data} maxHeight="calc(100vh - 190px)" />
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
