'use client';
import { SUBJECT_KINDS, SubjectSchema, TeamGroupLinkRequestSchema, type SubjectKind } from '@wheelhouse/shared';
import { Form, Input, Radio } from 'antd';
import { useTranslations } from 'next-intl';
import { useCan } from '@/kit/use-permissions';
import { TeamSelect } from '@/kit/pickers/team-select';
import { UserSelect } from '@/kit/pickers/user-select';
import { useZodRule } from '@/lib/zod-form';

export type SubjectValues = {
  subjectKind?: SubjectKind;
  userId?: string;
  teamId?: string;
  provider?: string;
  group?: string;
};

/** The subject a form points at, or undefined while incomplete; checked with the shared schema by the caller. */
export function subjectFromValues(values: SubjectValues): unknown {
  switch (values.subjectKind) {
    case 'user':
      return values.userId ? { kind: 'user', id: values.userId } : undefined;
    case 'team':
      return values.teamId ? { kind: 'team', id: values.teamId } : undefined;
    case 'group':
      return values.provider && values.group
        ? { kind: 'group', provider: values.provider.trim(), name: values.group.trim() }
        : undefined;
    default:
      return undefined;
  }
}

const groupSubject = SubjectSchema.options[2].shape;

/** Who gets the role: a user, a team, or an identity-provider group (provider + group name, typed). */
export function SubjectFields({ kind }: { kind: SubjectKind | undefined }) {
  const t = useTranslations('bindings.form');
  const tKind = useTranslations('rbac.subjectKind');
  const tValidation = useTranslations('validation');
  const zodRule = useZodRule();
  const can = useCan();
  // Pickers need to list users or teams; a subject kind whose list is out of reach is offered disabled.
  const mayList: Record<SubjectKind, boolean> = { user: can('users', 'list'), team: can('teams', 'list'), group: true };
  const required = { required: true, message: tValidation('required') };

  return (
    <>
      <Form.Item name="subjectKind" label={t('subjectKind')} required>
        <Radio.Group
          optionType="button"
          options={SUBJECT_KINDS.map((value) => ({ value, label: tKind(value), disabled: !mayList[value] }))}
        />
      </Form.Item>
      {kind === 'user' && (
        <Form.Item name="userId" label={t('user')} rules={[required]}>
          <UserSelect />
        </Form.Item>
      )}
      {kind === 'team' && (
        <Form.Item name="teamId" label={t('team')} rules={[required]}>
          <TeamSelect />
        </Form.Item>
      )}
      {kind === 'group' && (
        <>
          <Form.Item
            name="provider"
            label={t('provider')}
            extra={t('providerHelp')}
            required
            rules={[zodRule(TeamGroupLinkRequestSchema.shape.provider)]}
          >
            <Input autoComplete="off" placeholder={t('providerPlaceholder')} />
          </Form.Item>
          <Form.Item name="group" label={t('group')} required rules={[zodRule(groupSubject.name)]}>
            <Input autoComplete="off" placeholder={t('groupPlaceholder')} />
          </Form.Item>
        </>
      )}
    </>
  );
}
