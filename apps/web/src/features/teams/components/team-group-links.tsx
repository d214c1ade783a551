'use client';
import { LinkOutlined } from '@ant-design/icons';
import { TeamGroupLinkRequestSchema, type Team, type TeamGroupLinkRequest } from '@wheelhouse/shared';
import { App, Button, Form, Input, Popconfirm, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useLinkGroup, useUnlinkGroup } from '../api';

type Link = Team['groupLinks'][number];

/** Identity-provider groups whose members count as team members (filled in at LDAP/OIDC sign-in). */
export function TeamGroupLinks({ team }: { team: Team }) {
  const t = useTranslations('teams.groups');
  const tCommon = useTranslations('common');
  const mayEdit = useCan()('teams', 'update');
  const link = useLinkGroup();
  const unlink = useUnlinkGroup();
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamGroupLinkRequest>();
  const onError = (error: Error) => void message.error(errorMessage(error));

  const onLink = (values: TeamGroupLinkRequest) =>
    link.mutate(
      { teamId: team.id, link: TeamGroupLinkRequestSchema.parse(values) },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('linked', { group: values.group.trim() }));
        },
        onError,
      },
    );

  const onUnlink = (l: Link) =>
    unlink.mutate(
      { teamId: team.id, link: l },
      { onSuccess: () => void message.success(t('unlinked', { group: l.group })), onError },
    );

  return (
    <>
      <Typography.Paragraph type="secondary">{t('help')}</Typography.Paragraph>
      {mayEdit && (
        <Form form={form} layout="inline" name="link-group" onFinish={onLink} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="provider" rules={[zodRule(TeamGroupLinkRequestSchema.shape.provider)]}>
            <Input placeholder={t('provider')} aria-label={t('provider')} style={{ width: 140 }} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="group"
            rules={[zodRule(TeamGroupLinkRequestSchema.shape.group)]}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input placeholder={t('group')} aria-label={t('group')} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" icon={<LinkOutlined />} loading={link.isPending}>
            {t('link')}
          </Button>
        </Form>
      )}
      <Table<Link>
        rowKey={(l) => `${l.provider}\u0000${l.group}`}
        size="small"
        dataSource={team.groupLinks}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('provider'), dataIndex: 'provider' },
          {
            title: t('group'),
            dataIndex: 'group',
            render: (_, l) => <Typography.Text code>{l.group}</Typography.Text>,
          },
          ...(mayEdit
            ? [
                {
                  title: tCommon('actions'),
                  key: 'actions',
                  render: (_: unknown, l: Link) => (
                    <Popconfirm
                      title={t('unlinkConfirm', { group: l.group })}
                      okText={t('unlink')}
                      cancelText={tCommon('cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => onUnlink(l)}
                    >
                      <Button type="link" danger>
                        {t('unlink')}
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
