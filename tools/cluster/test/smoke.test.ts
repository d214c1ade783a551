// Smoke test against a real control plane (etcd + kube-apiserver + controller-manager + scheduler + kwok).
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import {
  AppsV1Api,
  CoreV1Api,
  Exec,
  Log,
  makeInformer,
  type KubeConfig,
  type V1ConfigMap,
  type V1Status,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  binaryDir,
  createTestNamespace,
  EXEC_CONTAINER,
  isLoopbackIp,
  nonLoopbackIpv4,
  podLogLines,
  readState,
  restartApiserver,
  startCluster,
  startTestCluster,
  stopCluster,
  type TestCluster,
  type TestNamespace,
} from '../src/index.ts';
import { SocketSampler } from './socket-sampler.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

let cluster: TestCluster;
let kc: KubeConfig;
let core: CoreV1Api;
let ns: TestNamespace;
const sampler = new SocketSampler();

beforeAll(async () => {
  cluster = await startTestCluster();
  kc = cluster.kubeConfig();
  core = kc.makeApiClient(CoreV1Api);
  ns = await createTestNamespace(cluster, 'smoke');
  sampler.watch(cluster.name);
  sampler.start();
});

afterAll(() => sampler.stop());

describe('test cluster', () => {
  it('reuses the cluster globalSetup started for this run instead of starting another', () => {
    expect(cluster.startedNow).toBe(false);
    expect(cluster.name).toBe(process.env.WHEELHOUSE_TEST_CLUSTER);
    expect(readState(cluster.state.dir)?.readyAt).toBeDefined();
  });
});

describe('workloads on kwok nodes', () => {
  let podName = '';

  it('runs a 3-replica Deployment as 3 Running pods on kwok nodes', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const labels = { app: 'smoke-web' };
    await apps.createNamespacedDeployment({
      namespace: ns.name,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                { name: 'web', image: 'nginx' },
                { name: EXEC_CONTAINER, image: 'busybox' },
              ],
            },
          },
        },
      },
    });
    const pods = await eventually('3 Running pods', async () => {
      const list = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=smoke-web' });
      const running = list.items.filter((p) => p.status?.phase === 'Running');
      return running.length === 3 ? running : undefined;
    });
    const nodes = await core.listNode();
    const kwokNodes = new Set(
      nodes.items
        .filter((n) => n.metadata?.annotations?.['kwok.x-k8s.io/node'] === 'fake')
        .map((n) => n.metadata?.name),
    );
    for (const pod of pods) expect(kwokNodes.has(pod.spec?.nodeName)).toBe(true);
    podName = pods[0]?.metadata?.name ?? '';
  });

  it('reads a pod log through the apiserver (client-node Log)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const finished = new Promise((r) => out.on('end', r));
    await new Log(kc).log(ns.name, podName, 'web', out, { follow: false });
    await finished;
    expect(Buffer.concat(chunks).toString('utf8').trim().split('\n')).toEqual(podLogLines);
  });

  it('execs `echo` in a pod over WebSocket (client-node Exec)', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let output = '';
    stdout.on('data', (c: Buffer) => {
      output += c.toString('utf8');
    });
    const status = await new Promise<V1Status>((resolve, reject) => {
      new Exec(kc)
        .exec(ns.name, podName, EXEC_CONTAINER, ['echo', 'hello from exec'], stdout, stderr, null, false, resolve)
        .catch(reject);
    });
    expect(status.status).toBe('Success');
    expect(output).toBe('hello from exec\n');
  });
});

describe('namespaces', () => {
  it('deletes a namespace until it is gone', async () => {
    const doomed = await createTestNamespace(cluster, 'doomed');
    await core.createNamespacedConfigMap({
      namespace: doomed.name,
      body: { metadata: { name: 'x' }, data: { a: 'b' } },
    });
    await doomed.delete(); // waits until the namespace is no longer listed
    const list = await core.listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).not.toContain(doomed.name);
  });
});

describe('apiserver restart', () => {
  it('a client-node informer resumes and sees a change made after the restart', async () => {
    await core.createNamespacedConfigMap({ namespace: ns.name, body: { metadata: { name: 'before' } } });
    const path = `/api/v1/namespaces/${ns.name}/configmaps`;
    const informer = makeInformer<V1ConfigMap>(kc, path, () => core.listNamespacedConfigMap({ namespace: ns.name }));
    const added = new Set<string>();
    let errors = 0;
    informer.on('add', (cm) => added.add(cm.metadata?.name ?? ''));
    // client-node's documented pattern: an informer stops on a connection error and the owner restarts it.
    informer.on('error', () => {
      errors += 1;
      setTimeout(() => void informer.start(), 500);
    });
    await informer.start();
    try {
      await eventually('informer to list "before"', () => (added.has('before') ? true : undefined));
      const pidBefore = readState(cluster.state.dir)?.components['kube-apiserver']?.pid;
      const { pid } = await restartApiserver(cluster.name);
      expect(pid).not.toBe(pidBefore);
      await core.createNamespacedConfigMap({ namespace: ns.name, body: { metadata: { name: 'after-restart' } } });
      await eventually('informer to see "after-restart"', () => (added.has('after-restart') ? true : undefined));
      process.stderr.write(`[smoke] informer saw the post-restart change (connection errors handled: ${errors})\n`);
    } finally {
      await informer.stop();
    }
  });
});

describe('two clusters side by side', () => {
  it('runs a second cluster with its own ports, CA and kubeconfig', async () => {
    const name = `${cluster.name}-b`;
    sampler.watch(name);
    try {
      const second = await startCluster({ name, nodes: 1, binDir: binaryDir(), fresh: true });
      expect(second.server).not.toBe(cluster.server);
      expect(second.kubeconfigPath).not.toBe(cluster.kubeconfigPath);
      const firstPorts = new Set(Object.values(cluster.state.ports));
      for (const port of Object.values(second.ports)) expect(firstPorts.has(port)).toBe(false);
      const secondYaml = readFileSync(second.kubeconfigPath, 'utf8');
      expect(secondYaml).not.toContain(cluster.caData);

      const { kubeConfigFromYaml } = await import('../src/kubeconfig.ts');
      const secondCore = kubeConfigFromYaml(secondYaml).makeApiClient(CoreV1Api);
      const secondNamespaces = (await secondCore.listNamespace()).items.map((n) => n.metadata?.name);
      expect(secondNamespaces).not.toContain(ns.name); // separate etcd: the first cluster's objects are not here
      expect((await secondCore.listNode()).items).toHaveLength(1);
      expect((await core.listNamespace()).items.map((n) => n.metadata?.name)).toContain(ns.name);
      sampler.sample(); // make sure the second cluster's sockets are inspected while it runs
    } finally {
      await stopCluster(name, { purge: true });
    }
  });
});

describe('network: loopback only', () => {
  it('configures only 127.0.0.0/8 addresses: kubeconfig, flags, nodes, pods, services', async () => {
    const state = readState(cluster.state.dir);
    expect(state).toBeDefined();
    const kubeconfigServers = kc.getClusters().map((c) => new URL(c.server).hostname);
    expect(kubeconfigServers.length).toBeGreaterThan(0);
    for (const host of kubeconfigServers) expect(isLoopbackIp(host)).toBe(true);
    const argv = Object.values(state!.components).flatMap((c) => c.argv);
    expect(
      nonLoopbackIpv4([...argv, cluster.kubeconfigYaml, readFileSync(`${cluster.state.dir}/kwok.yaml`, 'utf8')]),
    ).toEqual([]);

    const nodes = (await core.listNode()).items;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.status?.addresses).toEqual([
        { type: 'InternalIP', address: '127.0.0.1' },
        { type: 'Hostname', address: 'localhost' },
      ]);
    }
    const pods = (await core.listPodForAllNamespaces()).items.filter((p) => p.status?.podIP);
    expect(pods.length).toBeGreaterThanOrEqual(3);
    const podIps = pods.flatMap((p) => [
      ...(p.status?.podIPs ?? []).map((i) => i.ip),
      ...(p.status?.hostIPs ?? []).map((i) => i.ip),
    ]);
    expect(podIps.filter((ip) => !isLoopbackIp(ip))).toEqual([]);
    const services = (await core.listServiceForAllNamespaces()).items;
    const clusterIps = services.flatMap((s) => s.spec?.clusterIPs ?? []).filter((ip) => ip !== 'None');
    expect(clusterIps.length).toBeGreaterThan(0);
    expect(clusterIps.filter((ip) => !isLoopbackIp(ip))).toEqual([]);
  });

  it('every socket the cluster processes held during the run is on 127.0.0.0/8', () => {
    sampler.sample();
    const listening = [...sampler.seen.values()].filter((s) => s.state === 'LISTEN');
    // etcd client+peer, apiserver, controller-manager, scheduler, kwok; a second cluster adds its own.
    expect(listening.length).toBeGreaterThanOrEqual(6);
    expect([...sampler.seen.values()].some((s) => s.state === 'ESTAB')).toBe(true);
    process.stderr.write(`[smoke] ${sampler.samples} socket samples, ${sampler.seen.size} distinct sockets\n`);
    expect([...sampler.violations.values()]).toEqual([]);
  });
});
