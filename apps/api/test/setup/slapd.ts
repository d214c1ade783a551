import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BASE = 'dc=example,dc=test';
export const ADMIN_DN = `cn=admin,${BASE}`;
export const ADMIN_PW = 'admin-secret';

export interface Slapd {
  url: string;
  ldapsUrl: string;
  caPem: string;
  /** A CA that did not sign the server certificate (for the wrong-CA case). */
  otherCaPem: string;
  modify: (ldif: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** The paths Debian's slapd package installs (schema and back-end modules). */
async function slapdPaths() {
  const { stdout } = await run('dpkg', ['-L', 'slapd']);
  const lines = stdout.split('\n');
  const schema = lines.find((l) => l.endsWith('/schema/core.schema'));
  const module = lines.find((l) => l.endsWith('/back_mdb.so'));
  if (!schema || !module) throw new Error('slapd is not installed (tools/ensure-system-packages.sh slapd)');
  return { schemaDir: schema.replace(/\/core\.schema$/, ''), moduleDir: module.replace(/\/back_mdb\.so$/, '') };
}

// Its own copy rather than the API's: this file imports Node built-ins only, since the web e2e's global setup
// (apps/web/e2e/global-setup.ts) starts the same slapd.
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function makeCa(dir: string, name: string): Promise<void> {
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)]);
}

/**
 * A throwaway OpenLDAP server (Debian's slapd) on free loopback ports, ldap:// and ldaps:// with a CA made for
 * the run, seeded with people, groups and a nested group.
 */
export async function startSlapd(seed: string): Promise<Slapd> {
  const { schemaDir, moduleDir } = await slapdPaths();
  const dir = await mkdtemp(join(tmpdir(), 'wh-slapd-'));
  const [port, tlsPort] = [await freePort(), await freePort()];
  await makeCa(dir, 'test-ca');
  await makeCa(dir, 'other-ca');
  await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.csr')]);
  await writeFile(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await run('openssl', ['x509', '-req', '-in', join(dir, 'server.csr'), '-CA', join(dir, 'test-ca.crt'), '-CAkey', join(dir, 'test-ca.key'), '-CAcreateserial', '-days', '2', '-extfile', join(dir, 'server.ext'), '-out', join(dir, 'server.crt')]);
  const { stdout: rootpw } = await run('slappasswd', ['-s', ADMIN_PW]);
  await run('mkdir', ['-p', join(dir, 'db')]);
  await writeFile(
    join(dir, 'slapd.conf'),
    [
      ...['core', 'cosine', 'inetorgperson', 'nis'].map((s) => `include ${schemaDir}/${s}.schema`),
      `modulepath ${moduleDir}`,
      'moduleload back_mdb',
      `pidfile ${dir}/slapd.pid`,
      `TLSCertificateFile ${dir}/server.crt`,
      `TLSCertificateKeyFile ${dir}/server.key`,
      'database mdb',
      'maxsize 104857600',
      `suffix "${BASE}"`,
      `rootdn "${ADMIN_DN}"`,
      `rootpw ${rootpw.trim()}`,
      `directory ${dir}/db`,
      'index objectClass eq',
      'index uid eq',
      'index member eq',
      'access to attrs=userPassword by anonymous auth by self write by * none',
      'access to * by users read by * none',
    ].join('\n') + '\n',
  );
  await chmod(join(dir, 'server.key'), 0o600);
  await writeFile(join(dir, 'seed.ldif'), seed);
  await run('slapadd', ['-q', '-f', join(dir, 'slapd.conf'), '-l', join(dir, 'seed.ldif')]);
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = `ldaps://127.0.0.1:${tlsPort}`;
  spawn('slapd', ['-f', join(dir, 'slapd.conf'), '-h', `${url}/ ${ldapsUrl}/`], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ok = await run('ldapwhoami', ['-x', '-H', url, '-D', ADMIN_DN, '-w', ADMIN_PW]).then(() => true, () => false);
    if (ok) break;
    await sleep(100);
  }
  return {
    url,
    ldapsUrl,
    caPem: await readFile(join(dir, 'test-ca.crt'), 'utf8'),
    otherCaPem: await readFile(join(dir, 'other-ca.crt'), 'utf8'),
    modify: async (ldif) => {
      await writeFile(join(dir, 'change.ldif'), ldif);
      await run('ldapmodify', ['-x', '-H', url, '-D', ADMIN_DN, '-w', ADMIN_PW, '-f', join(dir, 'change.ldif')]);
    },
    stop: async () => {
      const pidFile = join(dir, 'slapd.pid');
      if (existsSync(pidFile)) {
        process.kill(Number((await readFile(pidFile, 'utf8')).trim()), 'SIGTERM');
        for (let i = 0; i < 50 && existsSync(pidFile); i++) await sleep(100);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** People and groups for the tests; passwords are `<uid>-password`. */
export async function seedLdif(users: { uid: string; cn: string }[], groups: { cn: string; members: string[] }[]): Promise<string> {
  const entries = [
    `dn: ${BASE}\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example`,
    `dn: ou=people,${BASE}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${BASE}\nobjectClass: organizationalUnit\nou: groups`,
  ];
  for (const u of users) {
    const { stdout } = await run('slappasswd', ['-s', `${u.uid}-password`]);
    entries.push(`dn: uid=${u.uid},ou=people,${BASE}\nobjectClass: inetOrgPerson\nuid: ${u.uid}\n${attr('cn', u.cn)}\n${attr('sn', u.cn)}\nmail: ${u.uid}@example.test\nuserPassword: ${stdout.trim()}`);
  }
  for (const g of groups) entries.push(`dn: cn=${g.cn},ou=groups,${BASE}\nobjectClass: groupOfNames\ncn: ${g.cn}\n${g.members.map((m) => `member: ${m}`).join('\n')}`);
  return entries.join('\n\n') + '\n';
}

/** LDIF needs base64 (`name:: …`) for values outside printable ASCII, e.g. Chinese names. */
function attr(name: string, value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? `${name}: ${value}` : `${name}:: ${Buffer.from(value).toString('base64')}`;
}
