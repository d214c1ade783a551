'use client';
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useErrorMessage } from '@/lib/use-error-message';
import { useDeleteObject, type Gvr } from '../api';

export type Selected = { key: string; name: string; namespace?: string };
const SHOWN = 10;

/** Deletes the selected objects after one confirmation that names them; says how many went and why others did not. */
export function BulkDelete({ gvr, kind, selected, onDone }: { gvr: Gvr; kind: string; selected: Selected[]; onDone: () => void }) {
  const t = useTranslations('resources');
  const tCommon = useTranslations('common');
  const errorMessage = useErrorMessage();
  const { modal, message } = App.useApp();
  const remove = useDeleteObject(gvr);
  if (selected.length === 0) return null;
  const label = (s: Selected) => (s.namespace ? `${s.namespace}/${s.name}` : s.name);
  const run = async () => {
    // One at a time: each is authorized and audited on its own, and a refusal stops none of the others.
    const results = await Promise.allSettled(selected.map((s) => remove.mutateAsync({ name: s.name, namespace: s.namespace })));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const done = results.length - failed.length;
    if (done) void message.success(t('bulkDeleted', { count: done }));
    if (failed.length) void message.error(t('bulkFailed', { count: failed.length, reason: errorMessage(failed[0]?.reason) }));
    onDone();
  };
  return (
    <Button
      danger
      icon={<DeleteOutlined />}
      data-testid="bulk-delete"
      onClick={() =>
        void modal.confirm({
          title: t('bulkConfirm', { count: selected.length, kind }),
          content: (
            <ul style={{ paddingInlineStart: 18, margin: 0 }}>
              {selected.slice(0, SHOWN).map((s) => (
                <li key={s.key}>{label(s)}</li>
              ))}
              {selected.length > SHOWN && <li>{t('bulkMore', { count: selected.length - SHOWN })}</li>}
            </ul>
          ),
          okText: tCommon('delete'),
          okButtonProps: { danger: true },
          cancelText: tCommon('cancel'),
          onOk: run,
        })
      }
    >
      {t('bulkDelete', { count: selected.length })}
    </Button>
  );
}
