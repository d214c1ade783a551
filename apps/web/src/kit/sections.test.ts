import { describe, expect, it } from 'vitest';
import { sectionOfPath } from './sections';

describe('sidebar section of a resource list', () => {
  it('maps registry kinds to their section, CRD groups to Custom resources, the rest to Clusters', () => {
    expect(sectionOfPath('/clusters/c1/r/apps/v1/deployments')).toBe('workloads');
    expect(sectionOfPath('/clusters/c1/r/core/v1/secrets')).toBe('config');
    expect(sectionOfPath('/clusters/c1/r/networking.k8s.io/v1/ingresses')).toBe('network');
    expect(sectionOfPath('/clusters/c1/r/core/v1/nodes')).toBe('infra');
    expect(sectionOfPath('/clusters/c1/r/rbac.authorization.k8s.io/v1/rolebindings')).toBe('rbac');
    expect(sectionOfPath('/clusters/c1/r/example.com/v1/widgets')).toBe('custom');
    expect(sectionOfPath('/clusters/c1/r/core/v1/componentstatuses')).toBeUndefined();
    expect(sectionOfPath('/clusters/c1')).toBeUndefined();
  });
});
