import { RegisterClusterRequestSchema } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { toRequest } from './register-request';

describe('cluster registration request', () => {
  it('leaves out empty optional fields and matches the shared schema', () => {
    const body = toRequest('token', { id: ' c1 ', displayName: '', server: 'https://10.0.0.1:6443', caData: ' ', token: 't0k' });
    expect(body).toEqual({ method: 'token', id: 'c1', displayName: undefined, insecureSkipTlsVerify: false, server: 'https://10.0.0.1:6443', caData: undefined, token: 't0k' });
    expect(RegisterClusterRequestSchema.safeParse(body).success).toBe(true);
  });

  it('carries the insecure tick and the picked kubeconfig context', () => {
    const body = toRequest('kubeconfig', { id: 'lab', kubeconfig: 'apiVersion: v1', context: 'lab', insecure: true });
    expect(body).toMatchObject({ method: 'kubeconfig', context: 'lab', insecureSkipTlsVerify: true });
  });

  it('needs only an id for in-cluster registration', () => {
    expect(RegisterClusterRequestSchema.safeParse(toRequest('inCluster', { id: 'self' })).success).toBe(true);
  });
});
