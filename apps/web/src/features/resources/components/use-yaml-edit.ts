'use client';
import type { K8sObject, ObjectRef } from '@wheelhouse/shared';
import { App } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { parse, stringify } from 'yaml';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { useWriteObject } from '../api';
import { causesOf, fieldConflicts, onlyConsoleConflicts, unappliedChanges, type FieldConflict } from '../yaml-apply';
import { useRevealSecret } from './detail/secret-api';
import { isSecretRef, revealedObject } from './detail/secret-values';

export const toYaml = (o: unknown) => stringify(o, { lineWidth: 0 });

/** The object without managedFields: noise nobody edits by hand, and server-side apply refuses it in a body. */
export function withoutManagedFields(o: K8sObject): K8sObject {
  const { managedFields: _managed, ...metadata } = (o.metadata ?? {}) as Record<string, unknown>;
  return { ...o, metadata };
}

type Mode = 'apply' | 'replace';
export type Cause = ReturnType<typeof causesOf>[number];
/** `force` goes with the request; `forced` says the user chose it (a takeover from the console itself is quiet). */
export type Review = { body: K8sObject; result: K8sObject; mode: Mode; force: boolean; forced: boolean; unapplied: string[] };
type Force = 'no' | 'console' | 'user';
export type Step =
  | { kind: 'view' }
  | { kind: 'edit'; error?: string; causes?: Cause[] }
  | { kind: 'conflict'; body: K8sObject; conflicts: FieldConflict[] }
  | ({ kind: 'review' } & Review);

const noRef = { cluster: '', group: '', version: '', resource: '', name: '' };

/**
 * The YAML editor's steps: edit → server-side dry run (apply, as kubectl apply --server-side) → diff → write.
 * Fields another tool owns come back as conflicts with an explicit force; fields only the console's own earlier
 * writes own are taken over without asking. Edits apply cannot make (removing a field someone else still owns) are
 * listed, with "replace" (PUT) as the way to make them. A stale version rebases the edit on the newest one and
 * reviews again, so nothing is overwritten unseen. A masked Secret is revealed (audited) before editing.
 */
export function useYamlEdit(object: K8sObject, target: ObjectRef | undefined, latest?: () => Promise<K8sObject | undefined>) {
  const t = useTranslations('yaml');
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const live = useMemo(() => toYaml(withoutManagedFields(object)), [object]);
  const [step, setStep] = useState<Step>({ kind: 'view' });
  const [draft, setDraft] = useState('');
  // What the edit started from when it is not the object shown (a revealed Secret); reviews diff against it.
  const [base, setBase] = useState<string | null>(null);
  const write = useWriteObject(target ?? noRef, target?.name ?? '', target?.namespace);
  const reveal = useRevealSecret(target ?? noRef);
  const original = base ?? live;

  const startEdit = async () => {
    let from = live;
    if (target && isSecretRef(target)) {
      try {
        from = toYaml(withoutManagedFields(revealedObject(object, (await reveal.mutateAsync()).data)));
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
  const failed = (e: unknown) => setStep({ kind: 'edit', error: errorMessage(e), causes: causesOf(e).filter((c) => c.reason !== 'FieldManagerConflict') });

  /** The edit on top of the newest version: only resourceVersion changes, the user's text stays theirs. */
  const rebase = async (body: K8sObject): Promise<K8sObject> => {
    const fresh = (await latest?.()) ?? object;
    void message.warning(t('conflict'));
    return { ...body, metadata: { ...(body.metadata as object), resourceVersion: (fresh.metadata as { resourceVersion?: string }).resourceVersion } };
  };

  const dryRun = async (body: K8sObject, mode: Mode, force: Force, rebased = false): Promise<void> => {
    try {
      const result = await write.mutateAsync({ body, dryRun: true, mode, force: force !== 'no' });
      const unapplied = mode === 'apply' ? unappliedChanges(parse(original), body, result) : [];
      setStep({ kind: 'review', body, result, mode, force: force !== 'no', forced: force === 'user', unapplied });
    } catch (e) {
      const conflicts = fieldConflicts(e);
      if (mode === 'apply' && force === 'no' && onlyConsoleConflicts(conflicts)) return dryRun(body, mode, 'console', rebased);
      if (conflicts.length) return setStep({ kind: 'conflict', body, conflicts });
      if (isApiError(e, 'K8S_CONFLICT') && !rebased) return dryRun(await rebase(body), mode, force, true);
      failed(e);
    }
  };

  const review = async (text: string) => {
    let body: K8sObject;
    try {
      body = parse(text) as K8sObject;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(t('notAnObject'));
    } catch (e) {
      setStep({ kind: 'edit', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    await dryRun(withoutManagedFields(body), 'apply', 'no');
  };

  const commit = async ({ body, mode, force, forced }: Review) => {
    try {
      await write.mutateAsync({ body, dryRun: false, mode, force });
      void message.success(t('applied'));
      leave();
    } catch (e) {
      const conflicts = fieldConflicts(e);
      if (conflicts.length) return setStep({ kind: 'conflict', body, conflicts });
      // Someone changed it between the review and now: review again against what they stored.
      if (isApiError(e, 'K8S_CONFLICT')) return dryRun(await rebase(body), mode, forced ? 'user' : force ? 'console' : 'no', true);
      failed(e);
    }
  };

  return {
    step,
    live,
    original,
    draft,
    setDraft,
    busy: write.isPending,
    revealing: reveal.isPending,
    startEdit,
    leave,
    backToEdit: () => setStep({ kind: 'edit' }),
    review,
    force: (body: K8sObject) => dryRun(body, 'apply', 'user'),
    replace: (body: K8sObject) => dryRun(body, 'replace', 'no'),
    commit,
  };
}
