'use client';
import { CreateTeamRequestSchema, TeamNameSchema, type Team } from '@wheelhouse/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useZodRule } from '@/lib/zod-form';
import { useCreateTeam, useUpdateTeam } from '../api';

type Values = { name: string; description?: string };

/** Create a team (team null) or rename / describe one. Mounted only while open. */
export function TeamFormModal({ team, onClose }: { team: Team | null; onClose: (saved?: Team) => void }) {
  const t = useTranslations('teams');
  const tCommon = useTranslations('common');
  const [form] = Form.useForm<Values>();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const mutation = team ? update : create;
  const errorMessage = useErrorMessage();
  const zodRule = useZodRule();
  const { message } = App.useApp();

  const onFinish = (values: Values) => {
    const body = { name: values.name.trim(), description: values.description?.trim() ?? '' };
    const onSuccess = (saved: Team) => {
      void message.success(t(team ? 'updated' : 'created', { name: saved.name }));
      onClose(saved);
    };
    if (team) {
      update.mutate({ teamId: team.id, body }, { onSuccess });
    } else {
      create.mutate(CreateTeamRequestSchema.parse(body), { onSuccess });
    }
  };

  return (
    <Modal
      open
      title={team ? t('editTitle', { name: team.name }) : t('create')}
      okText={team ? tCommon('save') : tCommon('create')}
      cancelText={tCommon('cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      {mutation.error && (
        <Alert type="error" showIcon title={errorMessage(mutation.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="team-form"
        initialValues={team ? { name: team.name, description: team.description } : {}}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('form.name')}
          extra={t('form.nameHelp')}
          required
          rules={[zodRule(TeamNameSchema)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('form.description')}
          rules={[zodRule(CreateTeamRequestSchema.shape.description)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
