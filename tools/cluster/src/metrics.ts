// Opt-in metrics (`up --metrics`): metrics-server behind the apiserver's aggregation layer, scraping the kubelet
// `/metrics/resource` endpoint that kwok emulates per node. See README "Metrics (opt-in)" for the routing choice.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { packageDir } from './paths.ts';
import { newKey, openssl, signedCert, type Pki } from './pki.ts';
import { waitFor } from './readiness.ts';

export const METRICS_API_SERVICE = 'v1beta1.metrics.k8s.io';
/** The aggregator checks the serving cert against `<service>.<namespace>.svc`. */
const SERVICE = { name: 'metrics-server', namespace: 'kube-system' };
const PROXY_CLIENT_CN = 'front-proxy-client';
/** Node annotation read by metrics-server: kwok serves every node's kubelet metrics on one port, by path. */
export const METRICS_PATH_ANNOTATION = 'metrics.k8s.io/resource-metrics-path';
export const nodeMetricsPath = (node: string) => `/metrics/nodes/${node}/metrics/resource`;
/** Shortest interval metrics-server accepts; CPU rates need two scrapes, so node metrics appear after ~10-20 s. */
const RESOLUTION = '10s';

const buildScript = join(packageDir, 'build-metrics-server.sh');

/** Builds metrics-server into its own version-keyed cache dir when missing (a no-op when cached). */
export function ensureMetricsServerBinary(): string {
  execFileSync('bash', [buildScript], { stdio: ['ignore', process.stderr, process.stderr] });
  return execFileSync('bash', [buildScript, '--print-dir'], { encoding: 'utf8' }).trim();
}

export interface AggregationPki {
  frontProxyCaCert: string;
  frontProxyCaKey: string;
  proxyClientCert: string;
  proxyClientKey: string;
  servingCert: string;
  servingKey: string;
}

/** Front-proxy CA + the apiserver's proxy client cert, and metrics-server's serving cert (signed by the cluster CA). */
export function ensureAggregationPki(pki: Pki): AggregationPki {
  const dir = pki.dir;
  const a: AggregationPki = {
    frontProxyCaCert: join(dir, 'front-proxy-ca.crt'),
    frontProxyCaKey: join(dir, 'front-proxy-ca.key'),
    proxyClientCert: join(dir, `${PROXY_CLIENT_CN}.crt`),
    proxyClientKey: join(dir, `${PROXY_CLIENT_CN}.key`),
    servingCert: join(dir, 'metrics-server.crt'),
    servingKey: join(dir, 'metrics-server.key'),
  };
  if (existsSync(a.servingCert)) return a; // written last
  newKey(a.frontProxyCaKey);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    a.frontProxyCaKey,
    '-days',
    '825',
    '-subj',
    '/CN=wheelhouse-front-proxy-ca',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-out',
    a.frontProxyCaCert,
  ]);
  const clientExt = 'extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n';
  signedCert(
    { dir, caCert: a.frontProxyCaCert, caKey: a.frontProxyCaKey },
    PROXY_CLIENT_CN,
    `/CN=${PROXY_CLIENT_CN}`,
    clientExt,
  );
  const sans = `DNS:${SERVICE.name}.${SERVICE.namespace}.svc,IP:127.0.0.1`;
  signedCert(
    pki,
    'metrics-server',
    '/CN=metrics-server',
    `subjectAltName=${sans}\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n`,
  );
  return a;
}

/** kube-apiserver flags of the aggregation layer (front-proxy authentication towards metrics-server). */
export function aggregationFlags(a: AggregationPki): string[] {
  return [
    `--requestheader-client-ca-file=${a.frontProxyCaCert}`,
    `--requestheader-allowed-names=${PROXY_CLIENT_CN}`,
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-username-headers=X-Remote-User',
    `--proxy-client-cert-file=${a.proxyClientCert}`,
    `--proxy-client-key-file=${a.proxyClientKey}`,
  ];
}

export interface MetricsServerContext {
  binDir: string;
  dir: string;
  kubeconfigPath: string;
  port: number;
  kwokPort: number;
  pki: AggregationPki;
}

export function metricsServerArgv(c: MetricsServerContext): string[] {
  return [
    join(c.binDir, 'metrics-server'),
    `--kubeconfig=${c.kubeconfigPath}`,
    `--authentication-kubeconfig=${c.kubeconfigPath}`,
    `--authorization-kubeconfig=${c.kubeconfigPath}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${c.port}`,
    `--tls-cert-file=${c.pki.servingCert}`,
    `--tls-private-key-file=${c.pki.servingKey}`,
    `--requestheader-client-ca-file=${c.pki.frontProxyCaCert}`,
    `--requestheader-allowed-names=${PROXY_CLIENT_CN}`,
    `--cert-dir=${join(c.dir, 'metrics-server')}`,
    '--authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics',
    // kwok answers the kubelet API (self-signed TLS) for all nodes on one loopback port.
    '--kubelet-insecure-tls',
    '--kubelet-preferred-address-types=InternalIP',
    `--kubelet-port=${c.kwokPort}`,
    `--metric-resolution=${RESOLUTION}`,
    '--kubelet-request-timeout=5s', // must stay below 90 % of the resolution; kwok answers in milliseconds
    '--profiling=false',
  ];
}

/**
 * kwok's upstream `metrics-resource` Metric (kubelet /metrics/resource per node) and `usage-from-annotation`
 * ClusterResourceUsage (pods: 1m CPU / 1Mi, or their kwok.x-k8s.io/usage-* annotations), copied by the build.
 * Node usage is the sum of its pods, and metrics-server drops nodes reporting 0, so every node gets a baseline
 * ("system" usage: 50m CPU, 256Mi) on top: an empty node still has metrics, like a real one.
 */
export function kwokMetricsDocs(metricsBinDir: string): string[] {
  const read = (file: string) => readFileSync(join(metricsBinDir, 'kwok', file), 'utf8');
  const metric = parse(read('metrics-resource.yaml')) as { spec: { metrics: { name: string; value: string }[] } };
  for (const m of metric.spec.metrics) {
    if (m.name === 'node_cpu_usage_seconds_total') m.value = `${m.value} + node.SinceSecond() * 0.05`;
    if (m.name === 'node_memory_working_set_bytes') m.value = `${m.value} + 268435456.0`;
  }
  return [stringify(metric).trim(), read('usage-from-annotation.yaml').trim()];
}

/**
 * Registers metrics-server with the aggregator. No Endpoints can exist here (the endpoint controllers are off and
 * the API rejects loopback endpoint addresses), so the Service is an ExternalName of 127.0.0.1: with the default
 * `--enable-aggregator-routing=false` the apiserver dials `<externalName>:<spec.service.port>` directly.
 */
export async function registerMetricsApi(kc: KubeConfig, caCert: string, port: number): Promise<void> {
  const objects: KubernetesObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...SERVICE, labels: { 'app.kubernetes.io/name': 'metrics-server' } },
      spec: { type: 'ExternalName', externalName: '127.0.0.1' },
    } as KubernetesObject,
    {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: METRICS_API_SERVICE },
      spec: {
        group: 'metrics.k8s.io',
        version: 'v1beta1',
        service: { ...SERVICE, port },
        caBundle: readFileSync(caCert).toString('base64'),
        groupPriorityMinimum: 100,
        versionPriority: 100,
      },
    } as KubernetesObject,
  ];
  const client = KubernetesObjectApi.makeApiClient(kc);
  for (const object of objects) {
    await client.patch(object, undefined, undefined, 'wheelhouse-cluster', true, PatchStrategy.ServerSideApply);
  }
}

type Condition = { type: string; status: string; message?: string };

/** Resolves once the aggregator reports the metrics APIService Available (it reached metrics-server). */
export async function waitMetricsApiAvailable(kc: KubeConfig, timeoutMs: number): Promise<void> {
  const client = KubernetesObjectApi.makeApiClient(kc);
  await waitFor(
    `APIService ${METRICS_API_SERVICE} Available`,
    async () => {
      type ApiService = KubernetesObject & { status?: { conditions?: Condition[] } };
      const svc = await client.read<ApiService>({
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: { name: METRICS_API_SERVICE },
      });
      const available = svc.status?.conditions?.find((c) => c.type === 'Available');
      if (available?.status === 'True') return true;
      throw new Error(available?.message ?? 'no Available condition yet');
    },
    timeoutMs,
  );
}
