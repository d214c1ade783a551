'use client';
import { CheckOutlined, DownloadOutlined, EditOutlined, RollbackOutlined, SwapOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { K8sObject, ObjectRef } from '@wheelhouse/shared';
import { Alert, Button, Flex, List, Space, Switch, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { downloadText } from '@/kit/yaml/download';
import { YamlDiff } from '@/kit/yaml/yaml-diff';
import { YamlEditor } from '@/kit/yaml/yaml-editor';
import { useResourceObject } from '../api';
import type { FieldConflict } from '../yaml-apply';
import { toYaml, useYamlEdit, withoutManagedFields, type Cause, type Review } from './use-yaml-edit';

const NO_GVR = { cluster: '', group: '', version: '', resource: '' };

/**
 * The object as YAML (Monaco renders cluster text as text, never as HTML), managedFields hidden unless asked for.
 * Editing validates against the cluster's schema for the kind as you type, then goes edit → dry-run diff → apply
 * with server-side apply (see useYamlEdit for conflicts, force and replace).
 */
export function ObjectYaml({
  object,
  target,
  editable: canEdit = false,
  latest,
  maxHeight = 'calc(100vh - 260px)',
}: {
  object: K8sObject;
  target?: ObjectRef;
  editable?: boolean;
  /** Fetches the newest version after a conflict. */
  latest?: () => Promise<K8sObject | undefined>;
  maxHeight?: string;
}) {
  const t = useTranslations('yaml');
  const edit = useYamlEdit(object, target, latest);
  const [managed, setManaged] = useState(false);
  const withManaged = useResourceObject(target ?? NO_GVR, target?.name ?? '', target?.namespace, { managedFields: true, enabled: Boolean(target) && managed });
  const shown = useMemo(() => (managed && withManaged.data ? toYaml(withManaged.data) : edit.live), [managed, withManaged.data, edit.live]);
  const name = (object.metadata as { name?: string } | undefined)?.name ?? 'object';
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const schema = target && { cluster: target.cluster, apiVersion: text(object.apiVersion), kind: text(object.kind) };
  const { step } = edit;

  if (step.kind === 'view') {
    return (
      <Flex vertical gap={8}>
        <Flex gap={12} align="center" justify="flex-end" wrap>
          {target && (
            <Space size={6}>
              <Switch size="small" checked={managed} loading={managed && withManaged.isFetching} onChange={setManaged} data-testid="yaml-managed-fields" />
              <Typography.Text type="secondary">{t('managedFields')}</Typography.Text>
            </Space>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => downloadText(shown, `${name}.yaml`)}>
            {t('download')}
          </Button>
          {canEdit && target && (
            <Button icon={<EditOutlined />} loading={edit.revealing} onClick={() => void edit.startEdit()}>
              {t('edit')}
            </Button>
          )}
        </Flex>
        {/* The test id appears once Monaco has drawn, so tests and screenshots never catch the loading skeleton. */}
        <YamlEditor value={shown} readOnly maxHeight={maxHeight} testId="object-yaml" />
      </Flex>
    );
  }
  if (step.kind === 'edit') {
    return (
      <Flex vertical gap={8} data-testid="yaml-edit">
        {step.error && <Alert type="error" showIcon title={step.error} description={step.causes?.length ? <Causes causes={step.causes} /> : undefined} data-testid="yaml-error" />}
        <YamlEditor value={edit.draft} onChange={edit.setDraft} maxHeight="calc(100vh - 300px)" schema={schema} />
        <Space style={{ alignSelf: 'flex-end' }}>
          <Button onClick={edit.leave}>{t('cancel')}</Button>
          <Button type="primary" loading={edit.busy} onClick={() => void edit.review(edit.draft)}>
            {t('review')}
          </Button>
        </Space>
      </Flex>
    );
  }
  if (step.kind === 'conflict') {
    return (
      <Flex vertical gap={8} data-testid="yaml-conflicts">
        <Alert type="warning" showIcon title={t('fieldConflicts')} description={<Conflicts conflicts={step.conflicts} hint={t('fieldConflictsHint')} />} />
        <Space style={{ alignSelf: 'flex-end' }}>
          <Button icon={<RollbackOutlined />} onClick={edit.backToEdit}>
            {t('backToEdit')}
          </Button>
          <Button danger icon={<ThunderboltOutlined />} loading={edit.busy} onClick={() => void edit.force(step.body)}>
            {t('force')}
          </Button>
        </Space>
      </Flex>
    );
  }
  return <ReviewStep review={step} original={edit.original} busy={edit.busy} onBack={edit.backToEdit} onCommit={edit.commit} onReplace={edit.replace} />;
}

function ReviewStep({ review, original, busy, onBack, onCommit, onReplace }: {
  review: Review;
  original: string;
  busy: boolean;
  onBack: () => void;
  onCommit: (r: Review) => Promise<void>;
  onReplace: (body: K8sObject) => Promise<void>;
}) {
  const t = useTranslations('yaml');
  const modified = toYaml(withoutManagedFields(review.result));
  const unchanged = modified === original;
  const label = review.mode === 'replace' ? t('replace') : review.forced ? t('forceApply') : t('apply');
  return (
    <Flex vertical gap={8} data-testid="yaml-review">
      <Alert type={unchanged ? 'info' : 'warning'} showIcon title={unchanged ? t('noChanges') : t('reviewHint')} />
      {review.forced && <Alert type="warning" showIcon title={t('forcing')} data-testid="yaml-forcing" />}
      {review.unapplied.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="yaml-unapplied"
          title={t('unapplied')}
          description={
            <Flex vertical gap={8} align="flex-start">
              <FieldList fields={review.unapplied} />
              <Typography.Text type="secondary">{t('replaceHint')}</Typography.Text>
              <Button size="small" icon={<SwapOutlined />} loading={busy} onClick={() => void onReplace(review.body)}>
                {t('replaceInstead')}
              </Button>
            </Flex>
          }
        />
      )}
      <YamlDiff original={original} modified={modified} />
      <Space style={{ alignSelf: 'flex-end' }}>
        <Button icon={<RollbackOutlined />} onClick={onBack}>
          {t('backToEdit')}
        </Button>
        <Button type="primary" danger={review.forced || review.mode === 'replace'} icon={<CheckOutlined />} disabled={unchanged} loading={busy} onClick={() => void onCommit(review)} data-testid="yaml-commit">
          {label}
        </Button>
      </Space>
    </Flex>
  );
}

function FieldList({ fields }: { fields: string[] }) {
  return (
    <Flex gap={4} wrap>
      {fields.map((f) => (
        <Typography.Text key={f} code>
          {f}
        </Typography.Text>
      ))}
    </Flex>
  );
}

function Conflicts({ conflicts, hint }: { conflicts: FieldConflict[]; hint: string }) {
  const t = useTranslations('yaml');
  return (
    <Flex vertical gap={8}>
      <List
        size="small"
        dataSource={conflicts}
        renderItem={(c) => (
          <List.Item>
            <Typography.Text code>{c.field}</Typography.Text> <Typography.Text type="secondary">{t('ownedBy', { manager: c.manager })}</Typography.Text>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Flex>
  );
}

function Causes({ causes }: { causes: Cause[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {causes.map((c, i) => (
        <li key={i}>
          {c.field && <Typography.Text code>{c.field}</Typography.Text>} {c.message}
        </li>
      ))}
    </ul>
  );
}
