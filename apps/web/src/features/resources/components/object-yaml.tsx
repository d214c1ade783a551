'use client';
import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import type { K8sObject, ObjectRef } from '@wheelhouse/shared';
import { Alert, App, Button, Flex, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { parse, stringify } from 'yaml';
import { YamlDiff } from '@/kit/yaml/yaml-diff';
import { YamlEditor } from '@/kit/yaml/yaml-editor';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { useReplaceObject } from '../api';
import { useRevealSecret } from './detail/secret-api';
import { isSecretRef, revealedObject } from './detail/secret-values';

const toYaml = (o: unknown) => stringify(o, { lineWidth: 0 });

/** What the editor starts from: the live object without managedFields (noise nobody edits by hand). */
function editable(o: K8sObject): K8sObject {
  const { managedFields: _managed, ...metadata } = (o.metadata ?? {}) as Record<string, unknown>;
  return { ...o, metadata };
}

type Step = { kind: 'view' } | { kind: 'edit'; error?: string } | { kind: 'review'; result: K8sObject; body: K8sObject };

/**
 * The object as YAML (read-only Monaco renders cluster text as text, never as HTML). Edit → review: a server-side
 * dry run shows exactly what the cluster would store, as a diff against the live object → apply. A conflict (someone
 * changed it meanwhile) keeps the user's text and reviews it again against the newest version. A Secret arrives
 * masked: editing it first reveals it (audited) and edits the real values, so the mask is never sent back.
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
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const live = useMemo(() => toYaml(editable(object)), [object]);
  const [step, setStep] = useState<Step>({ kind: 'view' });
  const [draft, setDraft] = useState('');
  const replace = useReplaceObject(target ?? { cluster: '', group: '', version: '', resource: '' }, target?.name ?? '', target?.namespace);
  const reveal = useRevealSecret(target ?? { cluster: '', group: '', version: '', resource: '', name: '' });
  // What the edit started from when it is not the object shown (a revealed Secret); the review diffs against it.
  const [base, setBase] = useState<string | null>(null);
  const original = base ?? live;
  const startEdit = async () => {
    let from = live;
    if (target && isSecretRef(target)) {
      try {
        from = toYaml(editable(revealedObject(object, (await reveal.mutateAsync()).data)));
      } catch (e) {
        void message.error(errorMessage(e));
        return;
      }
    }
    setBase(from === live ? null : from);
    setDraft(from);
    setStep({ kind: 'edit' });
  };
  const leave = () => (setBase(null), setDraft(''), setStep({ kind: 'view' }));

  const review = async (text: string) => {
    let body: K8sObject;
    try {
      body = parse(text) as K8sObject;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(t('notAnObject'));
    } catch (e) {
      setStep({ kind: 'edit', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    try {
      setStep({ kind: 'review', body, result: await replace.mutateAsync({ body, dryRun: true }) });
    } catch (e) {
      setStep({ kind: 'edit', error: errorMessage(e) });
    }
  };
  const apply = async (body: K8sObject) => {
    try {
      await replace.mutateAsync({ body, dryRun: false });
      void message.success(t('applied'));
      leave();
    } catch (e) {
      if (isApiError(e, 'K8S_CONFLICT')) {
        // Rebase the edit on the newest version and show the diff again: nothing is overwritten unseen.
        const fresh = (await latest?.()) ?? object;
        const newest = { ...body, metadata: { ...(body.metadata as object), resourceVersion: (fresh.metadata as { resourceVersion?: string }).resourceVersion } };
        void message.warning(t('conflict'));
        await review(toYaml(newest));
        return;
      }
      setStep({ kind: 'edit', error: errorMessage(e) });
    }
  };

  if (step.kind === 'view') {
    return (
      <Flex vertical gap={8}>
        {canEdit && target && (
          <Button icon={<EditOutlined />} style={{ alignSelf: 'flex-end' }} loading={reveal.isPending} onClick={() => void startEdit()}>
            {t('edit')}
          </Button>
        )}
        {/* The test id appears once Monaco has drawn, so tests and screenshots never catch the loading skeleton. */}
        <YamlEditor value={live} readOnly maxHeight={maxHeight} testId="object-yaml" />
      </Flex>
    );
  }
  if (step.kind === 'edit') {
    return (
      <Flex vertical gap={8} data-testid="yaml-edit">
        {step.error && <Alert type="error" showIcon title={step.error} data-testid="yaml-error" />}
        <YamlEditor value={draft} onChange={setDraft} maxHeight="calc(100vh - 300px)" />
        <Space style={{ alignSelf: 'flex-end' }}>
          <Button onClick={leave}>{t('cancel')}</Button>
          <Button type="primary" loading={replace.isPending} onClick={() => void review(draft)}>
            {t('review')}
          </Button>
        </Space>
      </Flex>
    );
  }
  const unchanged = toYaml(editable(step.result)) === original;
  return (
    <Flex vertical gap={8} data-testid="yaml-review">
      <Alert type={unchanged ? 'info' : 'warning'} showIcon title={unchanged ? t('noChanges') : t('reviewHint')} />
      <YamlDiff original={original} modified={toYaml(editable(step.result))} />
      <Space style={{ alignSelf: 'flex-end' }}>
        <Button icon={<RollbackOutlined />} onClick={() => setStep({ kind: 'edit' })}>
          {t('backToEdit')}
        </Button>
        <Button type="primary" icon={<CheckOutlined />} disabled={unchanged} loading={replace.isPending} onClick={() => void apply(step.body)}>
          {t('apply')}
        </Button>
      </Space>
    </Flex>
  );
}
