import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { templateFor } from './templates';

describe('templateFor', () => {
  it('starts from a ConfigMap without a kind, in the namespace in view', () => {
    expect(parse(templateFor(undefined, 'team-a'))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'example', namespace: 'team-a' }, data: { key: 'value' } });
  });

  it('names the group, and leaves the namespace out of cluster-scoped kinds', () => {
    expect(parse(templateFor({ group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true }))).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'example' } });
    expect(parse(templateFor({ group: 'example.com', version: 'v1', kind: 'Widget', namespaced: false }, 'ns'))).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'example' } });
  });
});
