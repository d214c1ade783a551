import { describe, expect, it } from 'vitest';
import { parseProxyRequest, PathRefusal, type ResourceRequest } from './kube-path.js';

const P = '/k8s/clusters/c1';
const target = (method: string, path: string, upgrade = false) => parseProxyRequest(method, `${P}${path}`, upgrade).target as ResourceRequest;
const refusal = (method: string, url: string, upgrade = false): number => {
  try {
    parseProxyRequest(method, url, upgrade);
  } catch (err) {
    if (err instanceof PathRefusal) return err.status;
    throw err;
  }
  throw new Error(`${method} ${url} was accepted`);
};

describe('verbs, Kubernetes-style', () => {
  it.each([
    ['GET', '/api/v1/namespaces/a/pods', { verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'a', name: undefined }],
    ['GET', '/api/v1/pods', { verb: 'list', resource: 'pods', namespace: undefined }],
    ['GET', '/api/v1/namespaces/a/pods?watch=1', { verb: 'watch' }],
    ['GET', '/api/v1/namespaces/a/pods?watch=true&resourceVersion=5', { verb: 'watch' }],
    ['GET', '/api/v1/namespaces/a/pods?watch=false', { verb: 'list' }],
    ['GET', '/api/v1/namespaces/a/pods?watch=0', { verb: 'list' }],
    ['GET', '/api/v1/namespaces/a/pods/web', { verb: 'get', name: 'web' }],
    ['GET', '/api/v1/namespaces/a/pods/web?watch=true', { verb: 'get', name: 'web' }],
    ['HEAD', '/api/v1/namespaces/a/pods/web', { verb: 'get' }],
    ['POST', '/api/v1/namespaces/a/pods', { verb: 'create', name: undefined }],
    ['PUT', '/api/v1/namespaces/a/pods/web', { verb: 'update', name: 'web' }],
    ['PATCH', '/apis/apps/v1/namespaces/a/deployments/web', { verb: 'patch', group: 'apps', resource: 'deployments' }],
    ['DELETE', '/apis/apps/v1/namespaces/a/deployments/web', { verb: 'delete', name: 'web' }],
    ['DELETE', '/apis/apps/v1/namespaces/a/deployments', { verb: 'deletecollection', name: undefined }],
    ['GET', '/apis/apps/v1/namespaces/a/deployments/web/scale', { verb: 'get', subresource: 'scale' }],
    ['PATCH', '/apis/apps/v1/namespaces/a/deployments/web/scale', { verb: 'patch', subresource: 'scale' }],
    ['PUT', '/api/v1/namespaces/a/pods/web/status', { verb: 'update', subresource: 'status' }],
    ['GET', '/api/v1/namespaces/a/pods/web/log?follow=true&container=main', { verb: 'get', resource: 'pods', subresource: 'log' }],
    ['POST', '/api/v1/namespaces/a/pods/web/eviction', { verb: 'create', subresource: 'eviction' }],
    ['GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles/system:aggregate-to-edit', { verb: 'get', name: 'system:aggregate-to-edit' }],
    ['GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3Aadmin', { verb: 'get', name: 'system:admin' }],
    ['POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { verb: 'create', group: 'authentication.k8s.io', resource: 'selfsubjectreviews' }],
    ['GET', '/apis/example.com/v1alpha1/namespaces/a/widgets', { verb: 'list', group: 'example.com', version: 'v1alpha1', resource: 'widgets' }],
  ])('%s %s', (method, path, expected) => {
    expect(target(method, path)).toMatchObject({ kind: 'resource', ...expected });
  });

  it('treats the Namespace object itself as cluster-scoped, and namespaces/<ns>/<resource> as namespaced', () => {
    expect(target('GET', '/api/v1/namespaces')).toMatchObject({ verb: 'list', resource: 'namespaces', namespace: undefined });
    expect(target('GET', '/api/v1/namespaces/a')).toMatchObject({ verb: 'get', resource: 'namespaces', name: 'a', namespace: undefined });
    expect(target('DELETE', '/api/v1/namespaces/a')).toMatchObject({ verb: 'delete', resource: 'namespaces', name: 'a', namespace: undefined });
    expect(target('PUT', '/api/v1/namespaces/a/finalize')).toMatchObject({ verb: 'update', resource: 'namespaces', name: 'a', subresource: 'finalize' });
    expect(target('PUT', '/api/v1/namespaces/a/status')).toMatchObject({ resource: 'namespaces', name: 'a', subresource: 'status' });
    expect(target('GET', '/api/v1/namespaces/a/configmaps')).toMatchObject({ resource: 'configmaps', namespace: 'a' });
  });

  it('exec, attach and portforward are `create`, for POST (SPDY) and for GET (WebSocket) alike', () => {
    for (const sub of ['exec', 'attach', 'portforward']) {
      expect(target('GET', `/api/v1/namespaces/a/pods/web/${sub}?command=sh`, true)).toMatchObject({ verb: 'create', resource: 'pods', subresource: sub, name: 'web' });
      expect(target('POST', `/api/v1/namespaces/a/pods/web/${sub}`, true)).toMatchObject({ verb: 'create', subresource: sub });
      expect(target('GET', `/api/v1/namespaces/a/pods/web/${sub}`)).toMatchObject({ verb: 'create' });
      expect(refusal('PUT', `${P}/api/v1/namespaces/a/pods/web/${sub}`)).toBe(403);
    }
  });

  it('forwards the canonical path with the original query', () => {
    const r = parseProxyRequest('GET', `${P}/api/v1/namespaces/a/pods?labelSelector=app%3Dweb&limit=500`);
    expect(r.cluster).toBe('c1');
    expect(r.upstreamPath).toBe('/api/v1/namespaces/a/pods?labelSelector=app%3Dweb&limit=500');
    expect(parseProxyRequest('GET', `${P}/apis/rbac.authorization.k8s.io/v1/clusterroles/system:admin`).upstreamPath).toBe('/apis/rbac.authorization.k8s.io/v1/clusterroles/system%3Aadmin');
  });
});

describe('discovery paths', () => {
  it.each(['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/version', '/openapi/v2', '/openapi/v3', '/openapi/v3/apis/apps/v1?hash=abc', '/healthz', '/livez', '/readyz'])(
    'GET %s is discovery',
    (path) => {
      expect(parseProxyRequest('GET', `${P}${path}`).target).toEqual({ kind: 'discovery' });
    },
  );

  it.each([
    ['POST', '/api/v1'],
    ['DELETE', '/apis'],
    ['PUT', '/version'],
  ])('%s %s is refused', (method, path) => {
    expect(refusal(method, `${P}${path}`)).toBe(403);
  });

  it('refuses upgrades on discovery paths', () => {
    expect(refusal('GET', `${P}/api`, true)).toBe(403);
  });
});

describe('fail closed', () => {
  it.each([
    ['dot-dot traversal', `${P}/api/v1/namespaces/a/pods/../../../namespaces/b/secrets`],
    ['single dot', `${P}/api/v1/namespaces/./a/pods`],
    ['encoded dots (lower)', `${P}/api/v1/namespaces/a/pods/%2e%2e/%2e%2e/namespaces/b/secrets`],
    ['encoded dots (upper)', `${P}/api/v1/namespaces/a/pods/%2E%2E/secrets`],
    ['half-encoded dots', `${P}/api/v1/namespaces/a/pods/.%2e/secrets`],
    ['encoded slash', `${P}/api/v1/namespaces/a%2fb/pods`],
    ['double-encoded dot', `${P}/api/v1/namespaces/a/pods/%252e%252e/secrets`],
    ['encoded backslash', `${P}/api/v1/namespaces/a/pods/%5c..%5csecrets`],
    ['backslash', `${P}/api/v1/namespaces/a/pods\\..\\secrets`],
    ['double slash', `${P}/api/v1//namespaces/a/pods`],
    ['leading double slash', `/k8s/clusters/c1//api/v1/pods`],
    ['trailing slash', `${P}/api/v1/namespaces/a/pods/`],
    ['encoded NUL', `${P}/api/v1/namespaces/a/pods/web%00`],
    ['raw NUL', `${P}/api/v1/namespaces/a/pods/web\u0000`],
    ['path parameter', `${P}/api/v1/namespaces/a/pods;x=y`],
    ['malformed escape', `${P}/api/v1/namespaces/a/pods/%zz`],
    ['truncated escape', `${P}/api/v1/namespaces/a/pods/web%2`],
    ['non-ASCII', `${P}/api/v1/namespaces/a/pods/wéb`],
    ['semicolon in the query', `${P}/api/v1/namespaces/a/pods?watch=false;watch=true`],
    ['repeated watch', `${P}/api/v1/namespaces/a/pods?watch=false&watch=true`],
    ['watch with a value Go reads as true', `${P}/api/v1/namespaces/a/pods?watch=yes`],
    ['empty watch (Go reads it as true)', `${P}/api/v1/namespaces/a/pods?watch=`],
    ['malformed query escape', `${P}/api/v1/pods?labelSelector=%E0%A4%A`],
    ['relative path', 'k8s/clusters/c1/api/v1/pods'],
    ['invalid namespace', `${P}/api/v1/namespaces/A_B/pods`],
    ['invalid group', `${P}/apis/Apps/v1/deployments`],
  ])('%s → 400', (_, url) => {
    expect(refusal('GET', url)).toBe(400);
  });

  it.each([
    ['nodes/proxy', '/api/v1/nodes/n1/proxy'],
    ['nodes/proxy with a path', '/api/v1/nodes/n1/proxy/exec/a/b/c'],
    ['services/proxy', '/api/v1/namespaces/a/services/web/proxy'],
    ['services/proxy with a port', '/api/v1/namespaces/a/services/https:web:443/proxy/admin'],
    ['pods/proxy', '/api/v1/namespaces/a/pods/web/proxy'],
    ['pods/proxy with a path', '/api/v1/namespaces/a/pods/web:8080/proxy/metrics'],
    ['deprecated /proxy/ prefix', '/api/v1/proxy/namespaces/a/pods/web'],
    ['deprecated /watch/ prefix', '/api/v1/watch/namespaces/a/pods'],
    ['metrics', '/metrics'],
    ['debug', '/debug/pprof/heap'],
    ['kubelet logs', '/logs/kube-apiserver.log'],
    ['healthz subpath', '/healthz/etcd'],
    ['openid discovery', '/.well-known/openid-configuration'],
    ['unknown root', '/whatever'],
    ['openapi without version', '/openapi'],
  ])('%s → 403', (_, path) => {
    expect(refusal('GET', `${P}${path}`)).toBe(403);
  });

  it.each(['OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'get'])('method %s → 403', (method) => {
    expect(refusal(method, `${P}/api/v1/namespaces/a/pods`)).toBe(403);
  });

  it('refuses upgrades for anything but exec, attach and portforward', () => {
    expect(refusal('GET', `${P}/api/v1/namespaces/a/pods?watch=true`, true)).toBe(400);
    expect(refusal('GET', `${P}/api/v1/namespaces/a/pods/web/log`, true)).toBe(400);
    expect(refusal('GET', `${P}/api/v1/nodes/n1/proxy`, true)).toBe(403);
  });

  it('refuses paths outside /k8s/clusters/<id>/ and invalid cluster ids', () => {
    expect(refusal('GET', '/k8s/api/v1/pods')).toBe(404);
    expect(refusal('GET', '/k8s/clusters')).toBe(404);
    expect(refusal('GET', '/k8s/clusters/c1')).toBe(404);
    expect(refusal('GET', '/k8s/clusters/C1/api')).toBe(404);
    expect(refusal('GET', '/k8s/clusters/-c1/api')).toBe(404);
    expect(refusal('GET', '/k8s/clusters/c1%2f..%2fc2/api')).toBe(400);
    expect(refusal('GET', '/k8s/clusters/../clusters/c2/api')).toBe(400);
  });

  it('refuses too many segments and malformed resources', () => {
    expect(refusal('GET', `${P}/api/v1/namespaces/a/pods/web/log/extra`)).toBe(403);
    expect(refusal('GET', `${P}/apis/apps/v1/namespaces/a/deployments/web/scale/x`)).toBe(403);
    expect(refusal('GET', `${P}/api/v1/namespaces/a/Pods`)).toBe(400);
    expect(refusal('GET', `${P}/api/v1/namespaces/a/pods/web/Log`)).toBe(400);
    expect(refusal('GET', `${P}/api/v1/namespaces/a/pods/web/log2x!`)).toBe(400);
  });
});
