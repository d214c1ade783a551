// Cluster PKI made with Debian's openssl: one CA, the apiserver serving cert, an admin client cert, the
// service-account key pair and a static admin token. Kept across `down`/`up` so imported kubeconfigs stay valid.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  caCert: string;
  caKey: string;
  apiserverCert: string;
  apiserverKey: string;
  adminCert: string;
  adminKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
  tokensCsv: string;
  adminToken: string;
}

const DAYS = '825';

export function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** EC P-256 keys: generated in milliseconds (RSA 2048 costs seconds on 2 busy cores) and accepted everywhere. */
export function newKey(path: string): void {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path]);
}

export function signedCert(
  p: Pick<Pki, 'dir' | 'caCert' | 'caKey'>,
  name: string,
  subject: string,
  extensions: string,
): void {
  const key = join(p.dir, `${name}.key`);
  const csr = join(p.dir, `${name}.csr`);
  const ext = join(p.dir, `${name}.ext`);
  newKey(key);
  openssl(['req', '-new', '-key', key, '-subj', subject, '-out', csr]);
  writeFileSync(ext, extensions);
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    p.caCert,
    '-CAkey',
    p.caKey,
    '-CAcreateserial',
    '-days',
    DAYS,
    '-extfile',
    ext,
    '-out',
    join(p.dir, `${name}.crt`),
  ]);
}

export function pkiPaths(dir: string): Omit<Pki, 'adminToken'> {
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    apiserverCert: join(dir, 'apiserver.crt'),
    apiserverKey: join(dir, 'apiserver.key'),
    adminCert: join(dir, 'admin.crt'),
    adminKey: join(dir, 'admin.key'),
    serviceAccountKey: join(dir, 'sa.key'),
    serviceAccountPub: join(dir, 'sa.pub'),
    tokensCsv: join(dir, 'tokens.csv'),
  };
}

/** Creates the PKI once; later calls only read it back. `serviceIp` is the in-cluster `kubernetes` Service IP. */
export function ensurePki(dir: string, clusterName: string, serviceIp: string): Pki {
  const paths = pkiPaths(dir);
  if (!existsSync(paths.tokensCsv)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const p: Pki = { ...paths, adminToken: '' };
    newKey(p.caKey);
    openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      p.caKey,
      '-days',
      DAYS,
      '-subj',
      `/CN=wheelhouse-${clusterName}-ca`,
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      p.caCert,
    ]);
    const sans = [
      'IP:127.0.0.1',
      `IP:${serviceIp}`,
      'DNS:localhost',
      'DNS:kubernetes',
      'DNS:kubernetes.default',
      'DNS:kubernetes.default.svc',
      'DNS:kubernetes.default.svc.cluster.local',
    ];
    signedCert(
      p,
      'apiserver',
      '/CN=kube-apiserver',
      `subjectAltName=${sans.join(',')}\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n`,
    );
    signedCert(
      p,
      'admin',
      '/O=system:masters/CN=wheelhouse-admin',
      'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n',
    );
    newKey(p.serviceAccountKey);
    openssl(['pkey', '-in', p.serviceAccountKey, '-pubout', '-out', p.serviceAccountPub]);
    // Static token user in system:masters: handy for consumers that prefer a bearer token over a client cert.
    const token = randomBytes(24).toString('hex');
    writeFileSync(p.tokensCsv, `${token},wheelhouse-admin-token,uid-wheelhouse-admin-token,"system:masters"\n`, {
      mode: 0o600,
    });
  }
  const adminToken = readFileSync(paths.tokensCsv, 'utf8').split(',')[0] ?? '';
  return { ...paths, adminToken };
}
