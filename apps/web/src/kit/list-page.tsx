'use client';
import { Alert, Button, Card, Flex, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import type { QueryLike } from './page-state';

type Props<T> = {
  title: ReactNode;
  description?: ReactNode;
  /** The page's primary action (create, add); pass it only when the user may use it. */
  action?: ReactNode;
  /** Filters or hints between the header and the table. */
  notice?: ReactNode;
  query: QueryLike;
  table: TableProps<T> & { testId?: string };
  /** Drawers and modals the page opens. */
  children?: ReactNode;
};

/**
 * The admin list page: heading with description and action, a retryable error, a table with the console's
 * defaults (row key `id`, 50 per page, horizontal scroll). Pages pass columns and what they open.
 */
export function ListPage<T extends object>({ title, description, action, notice, query, table, children }: Props<T>) {
  const tKit = useTranslations('kit');
  const errorMessage = useErrorMessage();
  const { testId, ...tableProps } = table;
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="section-title">
            {title}
          </Typography.Title>
          {description && <Typography.Text type="secondary">{description}</Typography.Text>}
        </div>
        {action}
      </Flex>
      {notice}
      {query.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(query.error)}
          action={query.refetch && <Button onClick={() => void query.refetch?.()}>{tKit('retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={query.isPending && !query.error}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        {...tableProps}
      />
      {children}
    </Card>
  );
}

/** A destructive link in a table row, behind a confirmation that says what happens. */
export function ConfirmLink({
  title,
  description,
  okText,
  onConfirm,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  okText: string;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const tCommon = useTranslations('common');
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText}
      cancelText={tCommon('cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button type="link" danger>
        {children}
      </Button>
    </Popconfirm>
  );
}
