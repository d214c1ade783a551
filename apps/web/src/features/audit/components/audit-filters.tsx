'use client';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { AUDIT_RESULTS } from '@wheelhouse/shared';
import { AutoComplete, Button, DatePicker, Form, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { FilterBar, SelectFilter, TextFilter } from '@/kit/filter-bar';
import { KNOWN_AUDIT_ACTIONS, toAuditFilter, type AuditFilter } from '../query';

export type AuditFilterValues = Omit<AuditFilter, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

export function filterFromValues(values: AuditFilterValues | undefined): AuditFilter {
  const { range, ...rest } = values ?? {};
  return toAuditFilter({ ...rest, from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() });
}

type Props = { form: FormInstance<AuditFilterValues>; csvHref: string; onRefresh: () => void; refreshing: boolean };

export function AuditFilters({ form, csvHref, onRefresh, refreshing }: Props) {
  const t = useTranslations('audit.filters');
  const tResult = useTranslations('audit.results');
  return (
    <FilterBar
      form={form}
      name="audit-filters"
      resetLabel={t('reset')}
      actions={
        <>
          <Form.Item>
            <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={refreshing} aria-label={t('refresh')} />
          </Form.Item>
          <Form.Item>
            {/* A plain link: the browser downloads with the session cookie, no script involved. */}
            <Button icon={<DownloadOutlined />} href={csvHref} download data-testid="audit-csv">
              {t('csv')}
            </Button>
          </Form.Item>
        </>
      }
    >
      <TextFilter name="actor" label={t('actor')} width={150} />
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t('action')}
          aria-label={t('action')}
          style={{ width: 190 }}
          options={KNOWN_AUDIT_ACTIONS.map((value) => ({ value }))}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').startsWith(input.trim()) }}
        />
      </Form.Item>
      <SelectFilter
        name="result"
        label={t('result')}
        width={130}
        options={AUDIT_RESULTS.map((value) => ({ value, label: tResult(value) }))}
      />
      <TextFilter name="cluster" label={t('cluster')} width={120} />
      <TextFilter name="namespace" label={t('namespace')} width={130} />
      <Form.Item name="range">
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
    </FilterBar>
  );
}
