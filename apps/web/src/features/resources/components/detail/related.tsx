'use client';
import { RELATIONS, type ObjectRef, type RelatedObject } from '@wheelhouse/shared';
import { Alert, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useErrorMessage } from '@/lib/use-error-message';
import { refHref, useRelations } from '../../api';

const STATUS_COLOR = (s?: string) => (!s ? undefined : /Missing|Failed|Error|BackOff|Lost/.test(s) ? 'error' : /Running|Bound|Ready|Active|Complete/.test(s) ? 'success' : 'default');

/** Owners, owned objects, selected pods and references both ways, each a link to its own detail page. */
export function RelatedPanel({ target }: { target: ObjectRef }) {
  const t = useTranslations('objectDetail');
  const errorMessage = useErrorMessage();
  const relations = useRelations(target);
  if (relations.isPending) return <Spin />;
  if (relations.error) return <Alert type="error" showIcon title={errorMessage(relations.error)} />;
  const { items, hidden, truncated } = relations.data;
  const groups = RELATIONS.map((rel) => [rel, items.filter((i) => i.relation === rel)] as const).filter(([, list]) => list.length);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="object-related">
      {truncated && <Alert type="info" showIcon title={t('truncated', { count: 200 })} />}
      {groups.length === 0 && <Empty description={t('noRelated')} />}
      {groups.map(([rel, list]) => (
        <Card key={rel} size="small" title={t(`relation.${rel}`)}>
          <List<RelatedObject>
            size="small"
            dataSource={list}
            renderItem={(item) => (
              <List.Item>
                <Space>
                  <Tag>{item.kind}</Tag>
                  {item.status === 'Missing' ? (
                    <Typography.Text delete>{item.ref.name}</Typography.Text>
                  ) : (
                    <Link href={refHref(item.ref)}>{item.ref.namespace ? `${item.ref.namespace}/${item.ref.name}` : item.ref.name}</Link>
                  )}
                  {item.status && <Tag color={STATUS_COLOR(item.status)}>{item.status}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {hidden.map((h) => (
        <Typography.Text key={`${h.relation}/${h.group}/${h.resource}`} type="secondary" data-testid="related-hidden">
          {t(`relation.${h.relation}`)} · {t('hiddenKind', { resource: h.resource })}
        </Typography.Text>
      ))}
    </Space>
  );
}
