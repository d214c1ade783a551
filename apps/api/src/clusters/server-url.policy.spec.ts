import { describe, expect, it } from 'vitest';
import { assertAllowedServer, isDeniedAddress } from './server-url.policy.js';

describe('cluster server URL policy', () => {
  it.each(['169.254.169.254', '169.254.0.1', '0.0.0.0', '224.0.0.1', 'fe80::1', 'fd00:ec2::254', '::ffff:169.254.169.254', '::', 'not-an-ip', '100.100.100.200'])(
    'denies %s',
    (a) => expect(isDeniedAddress(a)).toBe(true),
  );
  it.each(['127.0.0.1', '10.1.2.3', '192.168.1.10', '172.16.0.5', '::1', '8.8.8.8', '100.64.0.1'])('allows %s', (a) => expect(isDeniedAddress(a)).toBe(false));

  it('rejects metadata URLs, credentials in URLs and other schemes', async () => {
    await expect(assertAllowedServer('http://169.254.169.254/latest/meta-data')).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
    await expect(assertAllowedServer('https://[fe80::1]:6443')).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
    await expect(assertAllowedServer('https://user:pw@127.0.0.1:6443')).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
    await expect(assertAllowedServer('file:///etc/passwd')).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' });
  });

  it.each(['http://100.100.100.200/latest/meta-data/', 'http://1684301000/', 'http://[::ffff:6464:64c8]/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://168.63.129.16/', 'http://metadata.google.internal./'])(
    'refuses %s on registration as forbidden (not as unresolvable)',
    async (url) => expect(assertAllowedServer(url)).rejects.toMatchObject({ code: 'CLUSTER_URL_FORBIDDEN' }),
  );

  it('accepts loopback and resolves localhost', async () => {
    expect((await assertAllowedServer('https://127.0.0.1:6443')).port).toBe('6443');
    expect((await assertAllowedServer('https://localhost:6443')).hostname).toBe('localhost');
  });
});
