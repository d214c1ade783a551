'use client';
import type { AccessDecision, Scope } from '@wheelhouse/shared';
import { Alert, Descriptions, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback, type ReactNode } from 'react';
import { describeDecision, type AccessQuestion, type Sentence } from '../describe';
import { formatRule, scopePath } from '../format';
import { ScopeLabel, SubjectLabel } from './access-labels';

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** The explainer's answer as sentences (values are inserted as text), plus the binding or near misses behind it. */
export function DecisionResult({ decision, question }: { decision: AccessDecision; question: AccessQuestion }) {
  const t = useTranslations('access');
  const tKind = useTranslations('access.subjectKind');
  const scopeText = useCallback(
    (scope: Scope) =>
      scope.kind === 'global' ? t('scopeText.global') : t(`scopeText.${scope.kind}`, { path: scopePath(scope) ?? '' }),
    [t],
  );
  // Sentences about yourself read differently ("none of your roles"); the catalog picks with a select.
  const who = question.user ?? '';
  const target = question.user ? 'other' : 'self';
  const sentence = (s: Sentence) => {
    switch (s.key) {
      case 'allowed':
        return t.rich('sentence.allowed', {
          ...s.values,
          subjectKind: tKind(s.values.subjectKind as 'user'),
          b: strong,
        });
      case 'scopeMismatch':
        return t.rich('sentence.scopeMismatch', { ...s.values, b: strong });
      case 'noMatchingRule':
        return t.rich('sentence.noMatchingRule', { ...s.values, who, target, b: strong });
      case 'noBindings':
      case 'userDisabled':
        return t.rich(`sentence.${s.key}`, { who, target, b: strong });
    }
  };
  const [first, ...more] = describeDecision(decision, question, scopeText);
  const via = decision.via;

  return (
    <div data-testid="access-result">
      <Alert
        type={decision.allowed ? 'success' : 'error'}
        showIcon
        title={first ? sentence(first) : t(decision.allowed ? 'allowed' : 'denied')}
        description={
          more.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {more.map((s, index) => (
                <li key={index}>{sentence(s)}</li>
              ))}
            </ul>
          ) : undefined
        }
        style={{ marginBottom: 16 }}
      />
      {via && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'role', label: t('details.role'), children: <Typography.Text strong>{via.role}</Typography.Text> },
            {
              key: 'subject',
              label: t('details.subject'),
              children: <SubjectLabel subject={via.subject} name={via.subjectName} />,
            },
            { key: 'scope', label: t('details.scope'), children: <ScopeLabel scope={via.scope} /> },
            {
              key: 'rule',
              label: t('details.rule', { number: via.ruleIndex + 1 }),
              children: <Typography.Text code>{formatRule(via.rule)}</Typography.Text>,
            },
          ]}
        />
      )}
      {decision.reason === 'NO_MATCHING_RULE' && (
        <Typography.Paragraph type="secondary">{t('hint.noMatchingRule')}</Typography.Paragraph>
      )}
      {decision.reason === 'SCOPE_MISMATCH' && (
        <Typography.Paragraph type="secondary">{t('hint.scopeMismatch')}</Typography.Paragraph>
      )}
    </div>
  );
}
