'use client';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { RoleRuleSchema } from '@wheelhouse/shared';
import { Button, Card, Col, Form, Row, Select } from 'antd';
import { useTranslations } from 'next-intl';
import { useZodRule } from '@/lib/zod-form';
import type { RuleFormValue } from '../format';
import { API_GROUP_OPTIONS, VERB_OPTIONS, resourceOptionsFor } from '../rule-options';

const EMPTY_RULE: RuleFormValue = { verbs: [], apiGroups: [], resources: [], resourceNames: [] };
const toOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const rule = RoleRuleSchema.shape;

/** The `rules` list of the role editor: one card per rule, pickers with free entry where Kubernetes allows it. */
export function RuleFields() {
  const t = useTranslations('roles.rule');
  return (
    <Form.List
      name="rules"
      rules={[
        {
          validator: (_rule, rules: unknown[] | undefined) =>
            rules?.length ? Promise.resolve() : Promise.reject(new Error(t('atLeastOne'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <RuleCard
              key={field.key}
              name={field.name}
              index={index}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(EMPTY_RULE)} data-testid="add-rule">
            {t('add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

function RuleCard({ name, index, onRemove }: { name: number; index: number; onRemove?: () => void }) {
  const t = useTranslations('roles.rule');
  const form = Form.useFormInstance();
  const zodRule = useZodRule();
  const groups = Form.useWatch<string[] | undefined>(['rules', name, 'apiGroups'], form);

  return (
    <Card
      size="small"
      title={t('title', { number: index + 1 })}
      style={{ marginBottom: 12 }}
      data-testid={`rule-${index}`}
      extra={
        onRemove && (
          <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('remove')}>
            {t('remove')}
          </Button>
        )
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'verbs']} label={t('verbs')} required rules={[zodRule(rule.verbs)]}>
            <Select mode="multiple" allowClear options={toOptions(VERB_OPTIONS)} placeholder={t('verbsPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'apiGroups']}
            label={t('apiGroups')}
            extra={t('apiGroupsHelp')}
            required
            rules={[zodRule(rule.apiGroups)]}
          >
            <Select
              mode="tags"
              allowClear
              options={toOptions(API_GROUP_OPTIONS)}
              placeholder={t('apiGroupsPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'resources']}
            label={t('resources')}
            extra={t('resourcesHelp')}
            required
            rules={[zodRule(rule.resources)]}
          >
            <Select
              mode="tags"
              allowClear
              options={toOptions(resourceOptionsFor(groups))}
              placeholder={t('resourcesPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'resourceNames']}
            label={t('resourceNames')}
            extra={t('resourceNamesHelp')}
            rules={[zodRule(rule.resourceNames)]}
          >
            <Select mode="tags" allowClear open={false} suffixIcon={null} placeholder={t('anyName')} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
