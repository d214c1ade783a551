import { describe, expect, it } from 'vitest';
import { sectionOfPath } from './section-kinds';

describe('sidebar section of a resource list', () => {
  it('maps well-known kinds to their section and leaves the rest to Clusters', () => {
    expect(sectionOfPath('/clusters/c1/r/apps/v1/deployments')).toBe('workloads');
    expect(sectionOfPath('/clusters/c1/r/core/v1/secrets')).toBe('config');
    expect(sectionOfPath('/clusters/c1/r/networking.k8s.io/v1/ingresses')).toBe('network');
    expect(sectionOfPath('/clusters/c1/r/example.com/v1/widgets')).toBeUndefined();
    expect(sectionOfPath('/clusters/c1')).toBeUndefined();
  });
});
