import type { AccessRequest, RoleRule } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { atomsOf, ruleAllows, ruleCovers, scopeContains, scopeCovers } from './rule-matcher.js';

const req = (r: Partial<AccessRequest>): AccessRequest => ({ verb: 'get', group: '', resource: 'pods', ...r });
const rule = (r: Partial<RoleRule>): RoleRule => ({ verbs: ['get'], apiGroups: [''], resources: ['pods'], ...r });

describe('ruleAllows', () => {
  it.each([
    ['exact match', rule({}), req({}), true],
    ['other verb', rule({}), req({ verb: 'delete' }), false],
    ['other group', rule({}), req({ group: 'apps' }), false],
    ['verb wildcard', rule({ verbs: ['*'] }), req({ verb: 'delete' }), true],
    ['group wildcard', rule({ apiGroups: ['*'], resources: ['*'] }), req({ group: 'apps', resource: 'deployments' }), true],
    ['resource wildcard covers subresources', rule({ resources: ['*'] }), req({ subresource: 'exec' }), true],
    ['plain resource does not cover its subresource', rule({}), req({ subresource: 'exec' }), false],
    ['explicit subresource', rule({ resources: ['pods/log'] }), req({ subresource: 'log' }), true],
    ['subresource rule does not cover the resource', rule({ resources: ['pods/log'] }), req({}), false],
    ['*/scale', rule({ apiGroups: ['apps'], resources: ['*/scale'] }), req({ group: 'apps', resource: 'deployments', subresource: 'scale' }), true],
    ['pods/*', rule({ resources: ['pods/*'] }), req({ subresource: 'exec' }), true],
    ['resourceNames match', rule({ resourceNames: ['web'] }), req({ name: 'web' }), true],
    ['resourceNames other name', rule({ resourceNames: ['web'] }), req({ name: 'db' }), false],
    ['resourceNames need a name (no list)', rule({ verbs: ['list'], resourceNames: ['web'] }), req({ verb: 'list' }), false],
    ['core group is not a wildcard', rule({ apiGroups: [''] }), req({ group: 'apps' }), false],
  ])('%s', (_name, r, q, expected) => {
    expect(ruleAllows(r, q)).toBe(expected);
  });
});

describe('scopes', () => {
  const g = { kind: 'global' } as const;
  const c1 = { kind: 'cluster', cluster: 'c1' } as const;
  const nsA = { kind: 'namespace', cluster: 'c1', namespace: 'a' } as const;
  it('scopeCovers: namespace bindings never reach cluster-wide or console-wide requests', () => {
    expect(scopeCovers(nsA, { cluster: 'c1', namespace: 'a' })).toBe(true);
    expect(scopeCovers(nsA, { cluster: 'c1', namespace: 'b' })).toBe(false);
    expect(scopeCovers(nsA, { cluster: 'c1' })).toBe(false);
    expect(scopeCovers(nsA, { cluster: 'c2', namespace: 'a' })).toBe(false);
    expect(scopeCovers(nsA, {})).toBe(false);
    expect(scopeCovers(c1, { cluster: 'c1', namespace: 'x' })).toBe(true);
    expect(scopeCovers(c1, { cluster: 'c1' })).toBe(true);
    expect(scopeCovers(c1, {})).toBe(false);
    expect(scopeCovers(g, {})).toBe(true);
  });
  it('scopeContains', () => {
    expect(scopeContains(g, nsA)).toBe(true);
    expect(scopeContains(c1, nsA)).toBe(true);
    expect(scopeContains(nsA, c1)).toBe(false);
    expect(scopeContains(c1, g)).toBe(false);
    expect(scopeContains({ kind: 'cluster', cluster: 'c2' }, nsA)).toBe(false);
    expect(scopeContains(nsA, { kind: 'namespace', cluster: 'c1', namespace: 'b' })).toBe(false);
  });
});

describe('coverage (escalation checks)', () => {
  const covered = (holder: RoleRule[], wanted: RoleRule) => atomsOf(wanted).every((a) => holder.some((h) => ruleCovers(h, a)));
  it('a superset covers, a subset does not', () => {
    expect(covered([rule({ verbs: ['get', 'list'] })], rule({ verbs: ['get'] }))).toBe(true);
    expect(covered([rule({ verbs: ['get'] })], rule({ verbs: ['get', 'list'] }))).toBe(false);
  });
  it('granting a wildcard needs a wildcard', () => {
    expect(covered([rule({ verbs: ['get', 'list', 'delete'] })], rule({ verbs: ['*'] }))).toBe(false);
    expect(covered([rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] })], rule({ verbs: ['*'], resources: ['*'] }))).toBe(true);
  });
  it('coverage may come from several rules together', () => {
    expect(covered([rule({ verbs: ['get'] }), rule({ verbs: ['list'] })], rule({ verbs: ['get', 'list'] }))).toBe(true);
  });
  it('name-restricted holders cover only named grants', () => {
    expect(covered([rule({ resourceNames: ['web'] })], rule({}))).toBe(false);
    expect(covered([rule({ resourceNames: ['web', 'db'] })], rule({ resourceNames: ['web'] }))).toBe(true);
  });
  it('subresource wildcards', () => {
    expect(covered([rule({ resources: ['pods/*'] })], rule({ resources: ['pods/exec'] }))).toBe(true);
    expect(covered([rule({ resources: ['pods/*'] })], rule({ resources: ['pods'] }))).toBe(false);
  });
});
