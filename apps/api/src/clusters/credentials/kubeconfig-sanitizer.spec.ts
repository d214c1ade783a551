import { describe, expect, it } from 'vitest';
import { sanitizeKubeconfig } from './kubeconfig-sanitizer.js';

const pem = (label: string) => Buffer.from(`-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n`).toString('base64');

const KUBECONFIG = `
apiVersion: v1
kind: Config
current-context: token-ctx
clusters:
- name: c
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: ${pem('CERTIFICATE')}
    proxy-url: http://evil.example:8080
- name: file-ca
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority: /etc/passwd
users:
- name: tok
  user: { token: abc.def }
- name: cert
  user:
    client-certificate-data: ${pem('CERTIFICATE')}
    client-key-data: ${pem('PRIVATE KEY')}
- name: plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: /bin/sh
      args: ["-c", "touch /tmp/pwned"]
- name: files
  user: { client-certificate: /root/.ssh/id_rsa, client-key: /root/.ssh/id_rsa }
contexts:
- { name: token-ctx, context: { cluster: c, user: tok } }
- { name: cert-ctx, context: { cluster: c, user: cert } }
- { name: exec-ctx, context: { cluster: c, user: plugin } }
- { name: file-ctx, context: { cluster: file-ca, user: files } }
`;

describe('kubeconfig sanitizer', () => {
  const { contexts, currentContext } = sanitizeKubeconfig(KUBECONFIG);
  const ctx = (name: string) => contexts.find((c) => c.name === name)!;

  it('keeps server, CA and a token; drops everything else and says so', () => {
    expect(currentContext).toBe('token-ctx');
    expect(ctx('token-ctx')).toMatchObject({ server: 'https://127.0.0.1:6443', auth: { type: 'token', token: 'abc.def' }, problems: [] });
    expect(ctx('token-ctx').caData).toContain('BEGIN CERTIFICATE');
    expect(ctx('token-ctx').dropped).toEqual(['cluster.proxy-url']);
  });

  it('keeps client certificate and key data', () => {
    expect(ctx('cert-ctx').auth).toMatchObject({ type: 'clientCertificate' });
  });

  it('drops exec plugins and reports the context as not importable', () => {
    const c = ctx('exec-ctx');
    expect(c.auth).toBeNull();
    expect(c.dropped).toContain('user.exec');
    expect(c.problems.join()).toMatch(/exec plugin/);
    expect(JSON.stringify(c)).not.toContain('/bin/sh');
  });

  it('never reads file references', () => {
    const c = ctx('file-ctx');
    expect(c.caData).toBeNull();
    expect(c.auth).toBeNull();
    expect(c.dropped).toEqual(expect.arrayContaining(['cluster.certificate-authority', 'user.client-certificate', 'user.client-key']));
  });

  it('rejects garbage and alias bombs with KUBECONFIG_INVALID', () => {
    expect(() => sanitizeKubeconfig('::: not yaml :::\n\t- [')).toThrow(expect.objectContaining({ code: 'KUBECONFIG_INVALID' }));
    expect(() => sanitizeKubeconfig('just: a map')).toThrow(expect.objectContaining({ code: 'KUBECONFIG_INVALID' }));
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), 'contexts: []'].join('\n');
    expect(() => sanitizeKubeconfig(bomb)).toThrow(expect.objectContaining({ code: 'KUBECONFIG_INVALID' }));
  });
});
