'use client';
import type { RoleBinding } from '@wheelhouse/shared';
import { Alert, Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { ScopeKindTag, ScopeLabel, SubjectLabel } from './access-labels';

type Props = {
  bindings: RoleBinding[] | undefined;
  loading: boolean;
  error?: unknown;
  hideRole?: boolean;
  /** Column title for the subject; the user drawer calls it "granted to" (directly, via a team or a group). */
  subjectTitle?: string;
  onDelete?: (binding: RoleBinding) => void;
};

export function BindingsTable({ bindings, loading, error, hideRole, subjectTitle, onDelete }: Props) {
  const t = useTranslations('bindings');
  const tCommon = useTranslations('common');
  const errorMessage = useErrorMessage();

  const columns: TableColumnsType<RoleBinding> = [
    ...(hideRole
      ? []
      : [
          {
            title: t('columns.role'),
            key: 'role',
            render: (_: unknown, binding: RoleBinding) => (
              <Typography.Text strong>
                {binding.role.name} <ScopeKindTag kind={binding.role.scope} />
              </Typography.Text>
            ),
          },
        ]),
    {
      title: subjectTitle ?? t('columns.subject'),
      key: 'subject',
      render: (_, binding) => <SubjectLabel subject={binding.subject} name={binding.subjectName} />,
    },
    { title: t('columns.scope'), key: 'scope', render: (_, binding) => <ScopeLabel scope={binding.scope} /> },
    {
      title: t('columns.created'),
      dataIndex: 'createdAt',
      render: (_, binding) => dayjs(binding.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    ...(onDelete
      ? [
          {
            title: tCommon('actions'),
            key: 'actions',
            render: (_: unknown, binding: RoleBinding) => (
              <Popconfirm
                title={t('deleteConfirm', { role: binding.role.name, subject: binding.subjectName })}
                okText={tCommon('delete')}
                cancelText={tCommon('cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => onDelete(binding)}
              >
                <Button type="link" danger>
                  {tCommon('delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {error !== undefined && error !== null && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Table<RoleBinding>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={bindings}
        loading={loading && !error}
        locale={{ emptyText: t('empty') }}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        scroll={{ x: 'max-content' }}
        data-testid="bindings-table"
      />
    </>
  );
}
