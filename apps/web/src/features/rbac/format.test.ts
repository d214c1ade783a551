import { CONSOLE_GROUP, RoleRuleSchema } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { formatRule, fromFormRule, requestScope, scopePath, toFormRule } from './format';
import { resourceOptionsFor } from './rule-options';

describe('rule formatting', () => {
  it('names the core group and lists resource names', () => {
    expect(formatRule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] })).toBe(
      'get, list pods, pods/log (core)',
    );
    expect(
      formatRule({ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] }),
    ).toBe('get deployments [web] (apps)');
  });

  it('round-trips rules through the editor and keeps them valid', () => {
    const rule = { verbs: ['list' as const], apiGroups: ['', CONSOLE_GROUP], resources: ['pods', 'teams'] };
    const form = toFormRule(rule);
    expect(form.apiGroups).toEqual(['core', CONSOLE_GROUP]);
    const back = fromFormRule({ ...form, resources: [' pods ', 'teams', ''], resourceNames: [] });
    expect(back).toEqual(rule);
    expect(RoleRuleSchema.safeParse(back).success).toBe(true);
  });
});

describe('scopes', () => {
  it('writes cluster/namespace paths and derives request scopes', () => {
    expect(scopePath({ kind: 'namespace', cluster: 'c1', namespace: 'team-a' })).toBe('c1/team-a');
    expect(scopePath({ kind: 'cluster', cluster: 'c1' })).toBe('c1');
    expect(scopePath({ kind: 'global' })).toBeNull();
    expect(requestScope({ cluster: 'c1', namespace: 'team-b' })).toEqual({
      kind: 'namespace',
      cluster: 'c1',
      namespace: 'team-b',
    });
    expect(requestScope({ cluster: 'c1' })).toEqual({ kind: 'cluster', cluster: 'c1' });
    expect(requestScope({ namespace: 'orphan' })).toEqual({ kind: 'global' });
  });
});

describe('resource options', () => {
  it('follows the chosen API groups', () => {
    expect(resourceOptionsFor(['apps'])).toContain('deployments/scale');
    expect(resourceOptionsFor(['apps'])).not.toContain('pods');
    expect(resourceOptionsFor([CONSOLE_GROUP])).toContain('auditevents');
    expect(resourceOptionsFor(['*'])).toContain('pods/exec');
    expect(resourceOptionsFor([]).at(-1)).toBe('*');
  });
});
