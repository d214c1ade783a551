'use client';
import { Button, Form, Input, Select, type FormInstance, type SelectProps } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useDebouncedValue } from '@/lib/use-debounced-value';

/**
 * A list page's filter form and the API filter its values stand for. Debounced as a string: typing queries once,
 * and a fresh filter object on every render does not restart the timer forever.
 */
export function useFilterForm<V, F>(toFilter: (values: V | undefined) => F): { form: FormInstance<V>; filter: F } {
  const [form] = Form.useForm<V>();
  const values = Form.useWatch([], form) as V | undefined;
  const filterJson = useDebouncedValue(JSON.stringify(toFilter(values)));
  const filter = useMemo(() => JSON.parse(filterJson) as F, [filterJson]);
  return { form, filter };
}

type BarProps<V> = {
  form: FormInstance<V>;
  /** The form's name (field ids are `<name>_<field>`). */
  name: string;
  resetLabel: string;
  /** The filter fields: `TextFilter`, `SelectFilter` or any `Form.Item`. */
  children: ReactNode;
  /** `Form.Item`s after the reset button (refresh, export). */
  actions?: ReactNode;
};

/** One inline row of filters above a list, with a reset button. */
export function FilterBar<V>({ form, name, resetLabel, children, actions }: BarProps<V>) {
  return (
    <Form<V> form={form} layout="inline" name={name} style={{ rowGap: 8, marginBottom: 16 }}>
      {children}
      <Form.Item>
        <Button onClick={() => form.resetFields()}>{resetLabel}</Button>
      </Form.Item>
      {actions}
    </Form>
  );
}

type FieldProps = { name: string; label: string; width: number };

/** A free-text filter; the label is its placeholder and accessible name. */
export function TextFilter({ name, label, width }: FieldProps) {
  return (
    <Form.Item name={name}>
      <Input allowClear placeholder={label} aria-label={label} style={{ width }} autoComplete="off" />
    </Form.Item>
  );
}

/** A pick-one filter that can be cleared; the label is its placeholder and accessible name. */
export function SelectFilter({
  name,
  label,
  width,
  ...select
}: FieldProps & Pick<SelectProps<string>, 'options' | 'showSearch'>) {
  return (
    <Form.Item name={name}>
      <Select<string> allowClear placeholder={label} aria-label={label} style={{ width }} {...select} />
    </Form.Item>
  );
}
