'use client';
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CreateYamlModal } from './create-yaml-modal';
import { templateFor } from './templates';

type Kind = { group: string; version: string; kind: string; namespaced: boolean };

/** "Create from YAML", starting from a template of the kind in view (a ConfigMap when there is none). */
export function CreateYamlButton({ cluster, kind, namespace }: { cluster: string; kind?: Kind; namespace?: string }) {
  const t = useTranslations('createYaml');
  const [open, setOpen] = useState(false);
  // Each opening starts from the template again; the modal's state goes with it (destroyOnHidden, keyed).
  const [opened, setOpened] = useState(0);
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => (setOpened((n) => n + 1), setOpen(true))} data-testid="create-yaml-open">
        {t('open')}
      </Button>
      {open && <CreateYamlModal key={opened} cluster={cluster} namespace={namespace} initial={templateFor(kind, namespace)} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
