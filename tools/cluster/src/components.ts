// Command lines of the five control-plane components. Everything binds 127.0.0.1; every address the cluster hands
// out (service IPs, pod IPs, node addresses) is inside 127.0.0.0/8, so nothing can ever route off the machine.
import { join } from 'node:path';
import { aggregationFlags, metricsServerArgv, type AggregationPki } from './metrics.ts';
import type { Pki } from './pki.ts';
import type { ComponentName, Ports } from './state.ts';

/** ClusterIPs from loopback: the apiserver accepts it, and a stray connection to a ClusterIP stays on this host. */
export const SERVICE_CIDR = '127.10.0.0/16';
export const KUBERNETES_SERVICE_IP = '127.10.0.1';
/** kwok's pod IP pool (its default is 10.0.0.0/24). */
export const POD_CIDR = '127.1.0.0/16';

export interface ComponentContext {
  dir: string;
  binDir: string;
  ports: Ports;
  pki: Pki;
  kubeconfigPath: string;
  kwokConfigPath: string;
  /** Only with `up --metrics`: the aggregation layer PKI and metrics-server's binary dir. */
  metrics?: { binDir: string; pki: AggregationPki };
}

const url = (port: number) => `http://127.0.0.1:${port}`;
const healthPaths = '/healthz,/readyz,/livez,/metrics';

export function componentArgv(name: ComponentName, c: ComponentContext): string[] {
  const bin = join(c.binDir, name);
  const { ports, pki } = c;
  switch (name) {
    case 'etcd':
      return [
        bin,
        '--name=default',
        `--data-dir=${join(c.dir, 'etcd')}`,
        `--listen-client-urls=${url(ports.etcdClient)}`,
        `--advertise-client-urls=${url(ports.etcdClient)}`,
        `--listen-peer-urls=${url(ports.etcdPeer)}`,
        `--initial-advertise-peer-urls=${url(ports.etcdPeer)}`,
        `--initial-cluster=default=${url(ports.etcdPeer)}`,
        // Throwaway data: skipping fsync makes every write (and startup) much cheaper on slow disks.
        '--unsafe-no-fsync=true',
        '--auto-compaction-mode=periodic',
        '--auto-compaction-retention=5m',
        '--log-level=warn',
      ];
    case 'kube-apiserver':
      return [
        bin,
        `--etcd-servers=${url(ports.etcdClient)}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${ports.apiserver}`,
        // No default route / loopback advertise address: without "none" the endpoint reconciler rejects 127.0.0.1.
        '--advertise-address=127.0.0.1',
        '--endpoint-reconciler-type=none',
        `--tls-cert-file=${pki.apiserverCert}`,
        `--tls-private-key-file=${pki.apiserverKey}`,
        `--client-ca-file=${pki.caCert}`,
        `--token-auth-file=${pki.tokensCsv}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${pki.serviceAccountPub}`,
        `--service-account-signing-key-file=${pki.serviceAccountKey}`,
        `--service-cluster-ip-range=${SERVICE_CIDR}`,
        '--authorization-mode=Node,RBAC',
        '--allow-privileged=true',
        // logs/exec go to the node's Hostname ("localhost") at the kwok port, never to an InternalIP.
        '--kubelet-preferred-address-types=Hostname',
        // APF costs CPU on 2 cores and only matters under contention a test cluster never sees.
        '--enable-priority-and-fairness=false',
        '--profiling=false',
        ...(c.metrics ? aggregationFlags(c.metrics.pki) : []),
      ];
    case 'kube-controller-manager':
      return [
        bin,
        `--kubeconfig=${c.kubeconfigPath}`,
        `--authentication-kubeconfig=${c.kubeconfigPath}`,
        `--authorization-kubeconfig=${c.kubeconfigPath}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${ports.controllerManager}`,
        `--authorization-always-allow-paths=${healthPaths}`,
        `--root-ca-file=${pki.caCert}`,
        `--service-account-private-key-file=${pki.serviceAccountKey}`,
        // Lets CertificateSigningRequests be approved and signed, so the console's CSR pages have real data.
        `--cluster-signing-cert-file=${pki.caCert}`,
        `--cluster-signing-key-file=${pki.caKey}`,
        // Pod IPs are loopback (POD_CIDR) and the API rejects loopback endpoint addresses, so these two controllers
        // would only fail forever and flood every namespace with FailedToUpdateEndpointSlices warning events.
        '--controllers=*,-endpoints-controller,-endpointslice-controller',
        // Single instance: leader election would only add a lease wait after every restart.
        '--leader-elect=false',
        '--profiling=false',
      ];
    case 'kube-scheduler':
      return [
        bin,
        `--kubeconfig=${c.kubeconfigPath}`,
        `--authentication-kubeconfig=${c.kubeconfigPath}`,
        `--authorization-kubeconfig=${c.kubeconfigPath}`,
        '--bind-address=127.0.0.1',
        `--secure-port=${ports.scheduler}`,
        `--authorization-always-allow-paths=${healthPaths}`,
        '--leader-elect=false',
        '--profiling=false',
      ];
    case 'kwok':
      return [
        bin,
        `--kubeconfig=${c.kubeconfigPath}`,
        `--config=${c.kwokConfigPath}`,
        '--manage-all-nodes=true',
        '--node-ip=127.0.0.1',
        '--node-name=localhost',
        `--node-port=${ports.kwok}`,
        `--server-address=127.0.0.1:${ports.kwok}`,
        `--cidr=${POD_CIDR}`,
        '--node-lease-duration-seconds=40',
      ];
    case 'metrics-server':
      if (!c.metrics || !ports.metricsServer) throw new Error('metrics-server needs a cluster started with --metrics');
      return metricsServerArgv({
        ...c.metrics,
        dir: c.dir,
        kubeconfigPath: c.kubeconfigPath,
        port: ports.metricsServer,
        kwokPort: ports.kwok,
      });
  }
}
