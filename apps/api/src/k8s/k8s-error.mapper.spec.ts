import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors/app-error.js';
import { describeNetworkError, mapK8sError, unreachable } from './k8s-error.mapper.js';

const SECRET = 'db_password=hunter2';

describe('upstream errors', () => {
  it('shows the message, reason and causes of a well-formed v1 Status', () => {
    const e = mapK8sError(422, {
      kind: 'Status',
      apiVersion: 'v1',
      message: 'Deployment "x" is invalid',
      reason: 'Invalid',
      details: { kind: 'deployments', name: 'x', causes: [{ field: 'spec.replicas', message: 'must be >= 0', reason: 'FieldValueInvalid' }] },
    });
    expect(e).toMatchObject({ code: 'K8S_INVALID', message: 'Deployment "x" is invalid' });
    expect(e.details).toMatchObject({ reason: 'Invalid', kind: 'deployments', name: 'x', causes: [{ field: 'spec.replicas', message: 'must be >= 0' }] });
  });

  it.each([
    ['an HTML page', `<html>${SECRET}</html>`],
    ['JSON that is not a Status', { message: SECRET, reason: SECRET }],
    ['a Status of another apiVersion', { kind: 'Status', apiVersion: 'v2', message: SECRET }],
    ['a Status-looking array', [{ kind: 'Status', apiVersion: 'v1', message: SECRET }]],
  ])('reports %s by its HTTP status alone', (_name, body) => {
    const e = mapK8sError(500, body);
    expect(e).toMatchObject({ code: 'K8S_ERROR', message: 'The cluster answered HTTP 500 without a Kubernetes Status' });
    expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain('hunter2');
  });

  it('names network failures by category, never by the text the remote end put in the message', () => {
    const tls = Object.assign(new Error(`Hostname/IP does not match certificate's altnames: DNS:${SECRET}.internal`), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(describeNetworkError(tls)).toBe('TLS failure (ERR_TLS_CERT_ALTNAME_INVALID)');
    expect(describeNetworkError(Object.assign(new Error(`Parse Error: ${SECRET}`), { code: 'HPE_INVALID_CONSTANT' }))).toBe('the server does not speak HTTP');
    expect(describeNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('connection refused');
    expect(describeNetworkError(new Error(SECRET))).toBe('network error');
    expect(describeNetworkError(new TypeError('fetch failed', { cause: Object.assign(new Error(SECRET), { code: 'ECONNRESET' }) }))).toBe('connection reset');
    expect(unreachable(tls).message).not.toContain('hunter2');
  });

  it('lets the console\'s own errors (address policy, redirect) through unchanged', () => {
    const policy = new AppError('CLUSTER_URL_FORBIDDEN', 'refused');
    expect(unreachable(policy)).toBe(policy);
    expect(describeNetworkError(policy)).toBe('refused');
  });
});
