'use client';
import { UserAddOutlined } from '@ant-design/icons';
import type { Team } from '@wheelhouse/shared';
import { App, Button, Form, Popconfirm, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCan } from '@/kit/use-permissions';
import { UserSelect } from '@/kit/pickers/user-select';
import { useErrorMessage } from '@/lib/use-error-message';
import { useAddMember, useRemoveMember } from '../api';

type Member = Team['members'][number];

export function TeamMembers({ team }: { team: Team }) {
  const t = useTranslations('teams.members');
  const tCommon = useTranslations('common');
  const can = useCan();
  const mayEdit = can('teams', 'update');
  const add = useAddMember();
  const remove = useRemoveMember();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId?: string }>();
  const onError = (error: Error) => void message.error(errorMessage(error));

  const onAdd = ({ userId }: { userId?: string }) => {
    if (!userId) {
      return;
    }
    add.mutate(
      { teamId: team.id, userId },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('added', { team: team.name }));
        },
        onError,
      },
    );
  };

  const onRemove = (member: Member) =>
    remove.mutate(
      { teamId: team.id, userId: member.id },
      { onSuccess: () => void message.success(t('removed', { username: member.username })), onError },
    );

  return (
    <>
      {mayEdit && can('users', 'list') && (
        <Form form={form} layout="inline" name="add-member" onFinish={onAdd} style={{ marginBottom: 12 }}>
          <Form.Item name="userId" style={{ flex: 1, minWidth: 220 }}>
            <UserSelect exclude={team.members.map((m) => m.id)} aria-label={t('pick')} placeholder={t('pick')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={add.isPending}>
            {t('add')}
          </Button>
        </Form>
      )}
      <Table<Member>
        rowKey="id"
        size="small"
        dataSource={team.members}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        locale={{ emptyText: t('empty') }}
        data-testid="team-members"
        columns={[
          {
            title: t('username'),
            dataIndex: 'username',
            render: (_, m) => <Typography.Text strong>{m.username}</Typography.Text>,
          },
          { title: t('displayName'), dataIndex: 'displayName' },
          ...(mayEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, m: Member) => (
                    <Popconfirm
                      title={t('removeConfirm', { username: m.username, team: team.name })}
                      okText={t('remove')}
                      cancelText={tCommon('cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => onRemove(m)}
                    >
                      <Button type="link" danger>
                        {t('remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
