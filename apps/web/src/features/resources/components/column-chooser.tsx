'use client';
import { SettingOutlined } from '@ant-design/icons';
import type { ColumnDef } from '@wheelhouse/shared';
import { Button, Checkbox, Popover } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useSyncExternalStore } from 'react';

const storageKey = (kind: string) => `wheelhouse.columns.${kind}`;

/** Which optional columns are shown, per kind, remembered in this browser. */
const CHANGED = 'wheelhouse:columns';
function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** Which optional columns are shown, per kind, remembered in this browser (none on the server render). */
export function useVisibleColumns(kind: string, columns: ColumnDef[]): [ColumnDef[], Set<string>, (keys: string[]) => void] {
  const saved = useSyncExternalStore(subscribe, () => window.localStorage.getItem(storageKey(kind)), () => null);
  const chosen = useMemo(() => new Set(saved ? (JSON.parse(saved) as string[]) : []), [saved]);
  const choose = (keys: string[]) => {
    window.localStorage.setItem(storageKey(kind), JSON.stringify(keys));
    window.dispatchEvent(new Event(CHANGED));
  };
  // One array while nothing changes: the table's rows are memoised on their columns.
  const visible = useMemo(() => columns.filter((c) => !c.optional || chosen.has(c.key)), [columns, chosen]);
  return [visible, chosen, choose];
}

export function ColumnChooser({ columns, chosen, onChange, title }: { columns: ColumnDef[]; chosen: Set<string>; onChange: (keys: string[]) => void; title: (c: ColumnDef) => string }) {
  const t = useTranslations('resources');
  const optional = columns.filter((c) => c.optional);
  if (optional.length === 0) return null;
  return (
    <Popover
      trigger="click"
      title={t('columnChooser')}
      content={
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          value={[...chosen]}
          onChange={(keys) => onChange(keys)}
          options={optional.map((c) => ({ value: c.key, label: title(c) }))}
        />
      }
    >
      <Button icon={<SettingOutlined />} aria-label={t('columnChooser')} data-testid="column-chooser">
        {t('columnChooser')}
      </Button>
    </Popover>
  );
}
