'use client';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useFilterForm } from '@/kit/filter-bar';
import { useErrorMessage } from '@/lib/use-error-message';
import { useAuditEvents } from '../api';
import { auditCsvPath } from '../query';
import { AuditFilters, filterFromValues } from './audit-filters';
import { AuditTable } from './audit-table';

export function AuditPage() {
  const t = useTranslations('audit');
  const tCommon = useTranslations('common');
  const { form, filter } = useFilterForm(filterFromValues);
  const audit = useAuditEvents(filter);
  const errorMessage = useErrorMessage();
  const events = useMemo(() => audit.data?.pages.flatMap((page) => page.items) ?? [], [audit.data]);

  return (
    <Card>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('description')}</Typography.Text>
      </Flex>
      <AuditFilters
        form={form}
        csvHref={auditCsvPath(filter)}
        onRefresh={() => void audit.refetch()}
        refreshing={audit.isRefetching && !audit.isFetchingNextPage}
      />
      {audit.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(audit.error)}
          action={<Button onClick={() => void audit.refetch()}>{tCommon('retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <AuditTable events={events} loading={audit.isPending && !audit.error} />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary" data-testid="audit-count">
          {t('shown', { count: events.length })}
        </Typography.Text>
        {audit.hasNextPage ? (
          <Button
            onClick={() => void audit.fetchNextPage()}
            loading={audit.isFetchingNextPage}
            data-testid="audit-more"
          >
            {t('loadMore')}
          </Button>
        ) : (
          events.length > 0 && <Typography.Text type="secondary">{t('end')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
