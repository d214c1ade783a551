import type { AccessDecision, Scope } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { describeDecision, splitResource } from './describe';

const scopeText = (scope: Scope) =>
  scope.kind === 'global'
    ? 'global'
    : scope.kind === 'cluster'
      ? `cluster ${scope.cluster}`
      : `${scope.cluster}/${scope.namespace}`;
const question = { verb: 'list', group: '', resource: 'pods', cluster: 'c1', namespace: 'team-b' };
const teamA: Scope = { kind: 'namespace', cluster: 'c1', namespace: 'team-a' };

describe('describeDecision', () => {
  it('names the role, the subject, the scope and the rule that allowed it', () => {
    const decision: AccessDecision = {
      allowed: true,
      reason: 'ALLOWED',
      via: {
        bindingId: 'b1',
        role: 'pod-reader',
        ruleIndex: 1,
        rule: { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] },
        subject: { kind: 'team', id: '8a1c7e34-0000-4000-8000-000000000001' },
        subjectName: 'Platform 平台',
        scope: teamA,
      },
      nearMisses: [],
    };
    expect(describeDecision(decision, { ...question, namespace: 'team-a' }, scopeText)).toEqual([
      {
        key: 'allowed',
        values: {
          role: 'pod-reader',
          subjectKind: 'team',
          subject: 'Platform 平台',
          scope: 'c1/team-a',
          rule: 2,
          ruleText: 'get, list pods (core)',
        },
      },
    ]);
  });

  it('explains a scope mismatch once per role and scope', () => {
    const decision: AccessDecision = {
      allowed: false,
      reason: 'SCOPE_MISMATCH',
      nearMisses: [
        { bindingId: 'b1', role: 'pod-reader', scope: teamA },
        { bindingId: 'b2', role: 'pod-reader', scope: teamA },
        { bindingId: 'b3', role: 'viewer', scope: { kind: 'cluster', cluster: 'c2' } },
      ],
    };
    expect(describeDecision(decision, question, scopeText)).toEqual([
      { key: 'scopeMismatch', values: { role: 'pod-reader', bound: 'c1/team-a', requested: 'c1/team-b' } },
      { key: 'scopeMismatch', values: { role: 'viewer', bound: 'cluster c2', requested: 'c1/team-b' } },
    ]);
  });

  it('covers the other denials', () => {
    const deny = (reason: AccessDecision['reason']): AccessDecision => ({ allowed: false, reason, nearMisses: [] });
    expect(describeDecision(deny('NO_MATCHING_RULE'), { ...question, subresource: 'log' }, scopeText)).toEqual([
      { key: 'noMatchingRule', values: { verb: 'list', resource: 'pods/log' } },
    ]);
    expect(describeDecision(deny('NO_BINDINGS'), question, scopeText)[0]?.key).toBe('noBindings');
    expect(describeDecision(deny('USER_DISABLED'), question, scopeText)[0]?.key).toBe('userDisabled');
  });
});

describe('splitResource', () => {
  it('reads resource/subresource', () => {
    expect(splitResource(' pods/log ')).toEqual({ resource: 'pods', subresource: 'log' });
    expect(splitResource('deployments')).toEqual({ resource: 'deployments' });
  });
});
