import { describe, expect, it } from 'vitest';
import { isSupportedUpgrade, requestHeadersForCluster, responseHeadersForClient } from './proxy-headers.js';

describe('request headers for the cluster', () => {
  it('drops credentials, identity, forwarding and hop-by-hop headers, keeps the rest', () => {
    const out = requestHeadersForCluster(
      {
        authorization: 'Bearer wht_secret',
        cookie: 'wh_session=abc',
        'impersonate-user': 'system:admin',
        'impersonate-group': 'system:masters',
        'impersonate-uid': '1',
        'impersonate-extra-scopes': 'all',
        'x-remote-user': 'admin',
        'x-remote-group': 'system:masters',
        'x-forwarded-for': '1.2.3.4',
        forwarded: 'for=1.2.3.4',
        'proxy-authorization': 'Basic x',
        connection: 'keep-alive, X-Secret-Hop',
        'x-secret-hop': 'drop me',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        te: 'trailers',
        host: 'console.example',
        expect: '100-continue',
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
        'content-type': 'application/apply-patch+yaml',
        'content-length': '42',
        'user-agent': 'kubectl/v1.36.3',
        'kubectl-command': 'kubectl apply',
      },
      false,
    );
    expect(out).toEqual({
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
      'content-type': 'application/apply-patch+yaml',
      'content-length': '42',
      'user-agent': 'kubectl/v1.36.3',
      'kubectl-command': 'kubectl apply',
    });
  });

  it('keeps only a known Upgrade pair and the WebSocket handshake for upgrades', () => {
    const out = requestHeadersForCluster(
      {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': 'k',
        'sec-websocket-version': '13',
        'sec-websocket-protocol': 'v5.channel.k8s.io, v4.channel.k8s.io',
        authorization: 'Bearer wht_secret',
        'impersonate-user': 'system:admin',
      },
      true,
    );
    expect(out).toEqual({
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-key': 'k',
      'sec-websocket-version': '13',
      'sec-websocket-protocol': 'v5.channel.k8s.io, v4.channel.k8s.io',
    });
    expect(requestHeadersForCluster({ connection: 'Upgrade', upgrade: 'SPDY/3.1', 'x-stream-protocol-version': 'v4.channel.k8s.io' }, true)).toMatchObject({
      upgrade: 'SPDY/3.1',
      'x-stream-protocol-version': 'v4.channel.k8s.io',
    });
    expect(() => requestHeadersForCluster({ connection: 'Upgrade', upgrade: 'h2c' }, true)).toThrow();
    expect(isSupportedUpgrade({ upgrade: 'websocket' })).toBe(true);
    expect(isSupportedUpgrade({ upgrade: 'h2c' })).toBe(false);
    expect(isSupportedUpgrade({})).toBe(false);
  });
});

describe('response headers for the client', () => {
  const raw = ['Content-Type', 'application/json', 'Set-Cookie', 'a=b', 'Transfer-Encoding', 'chunked', 'Connection', 'keep-alive, X-Hop', 'X-Hop', '1', 'Audit-Id', 'x', 'Warning', '299 - one', 'Warning', '299 - two'];

  it('drops cookies and hop-by-hop headers, keeps duplicates', () => {
    expect(responseHeadersForClient(raw, false)).toEqual([
      ['Content-Type', 'application/json'],
      ['Audit-Id', 'x'],
      ['Warning', '299 - one'],
      ['Warning', '299 - two'],
    ]);
  });

  it('keeps Connection and Upgrade on a 101', () => {
    const out = responseHeadersForClient(['Connection', 'Upgrade', 'Upgrade', 'websocket', 'Sec-WebSocket-Accept', 'abc', 'Sec-WebSocket-Protocol', 'v5.channel.k8s.io'], true);
    expect(out).toEqual([
      ['Connection', 'Upgrade'],
      ['Upgrade', 'websocket'],
      ['Sec-WebSocket-Accept', 'abc'],
      ['Sec-WebSocket-Protocol', 'v5.channel.k8s.io'],
    ]);
  });
});
