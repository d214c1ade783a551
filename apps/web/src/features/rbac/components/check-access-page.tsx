'use client';
import { SafetyOutlined } from '@ant-design/icons';
import { VERBS } from '@wheelhouse/shared';
import { Alert, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Spin, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useClusterOptions } from '@/kit/pickers/cluster-options';
import { UserSelect } from '@/kit/pickers/user-select';
import { useCan } from '@/kit/use-permissions';
import { compactFilters } from '@/lib/query-string';
import { useErrorMessage } from '@/lib/use-error-message';
import { useExplain } from '../api';
import { splitResource, type AccessQuestion } from '../describe';
import { CORE_GROUP_LABEL } from '../format';
import { API_GROUP_OPTIONS, resourceOptionsFor } from '../rule-options';
import { DecisionResult } from './decision-result';

type Values = {
  user?: string;
  verb: string;
  group: string;
  resource: string;
  name?: string;
  cluster?: string;
  namespace?: string;
};

const toOptions = (values: readonly string[]) => values.filter((v) => v !== '*').map((value) => ({ value }));

/** "Can X do Y there?" answered by the API's authorizer, with the binding and rule behind the answer. */
export function CheckAccessPage() {
  const t = useTranslations('access');
  const tValidation = useTranslations('validation');
  const [form] = Form.useForm<Values>();
  const can = useCan();
  const clusters = useClusterOptions();
  const errorMessage = useErrorMessage();
  const [question, setQuestion] = useState<AccessQuestion | null>(null);
  const explain = useExplain(question);
  const group = Form.useWatch('group', form);
  const required = [{ required: true, whitespace: true, message: tValidation('required') }];

  const onFinish = (values: Values) => {
    const v = compactFilters(values);
    const groupValue = (v.group ?? '') === CORE_GROUP_LABEL ? '' : (v.group ?? '');
    setQuestion({
      user: v.user,
      verb: values.verb,
      group: groupValue,
      ...splitResource(values.resource),
      name: v.name,
      cluster: v.cluster,
      namespace: v.namespace,
    });
  };

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('description')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="check-access"
        initialValues={{ verb: 'list', group: CORE_GROUP_LABEL }}
        onFinish={onFinish}
      >
        {can('users', 'get') && (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="user" label={t('form.user')} extra={t('form.userHelp')}>
                <UserSelect valueKey="username" allowClear placeholder={t('form.userPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="verb" label={t('form.verb')} rules={required}>
              <Select showSearch options={VERBS.map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="group" label={t('form.group')} extra={t('form.groupHelp')}>
              <AutoComplete options={toOptions(API_GROUP_OPTIONS)} showSearch={{ filterOption: true }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="resource" label={t('form.resource')} extra={t('form.resourceHelp')} rules={required}>
              <AutoComplete
                options={toOptions(resourceOptionsFor(group ? [group] : []))}
                showSearch={{ filterOption: true }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="cluster" label={t('form.cluster')}>
              <AutoComplete options={clusters} placeholder={t('form.optional')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="namespace" label={t('form.namespace')}>
              <Input autoComplete="off" placeholder={t('form.optional')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="name" label={t('form.name')}>
              <Input autoComplete="off" placeholder={t('form.optional')} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" icon={<SafetyOutlined />} loading={explain.isFetching}>
          {t('form.submit')}
        </Button>
      </Form>
      {question && (
        <div style={{ marginTop: 24 }}>
          {explain.error && <Alert type="error" showIcon title={errorMessage(explain.error)} />}
          {explain.isPending && !explain.error && <Spin />}
          {explain.data && <DecisionResult decision={explain.data} question={question} />}
        </div>
      )}
    </Card>
  );
}
