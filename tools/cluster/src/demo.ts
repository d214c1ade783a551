// `cluster:demo`: applies tools/cluster/demo/*.yaml to the "demo" cluster with server-side apply (idempotent), then
// waits until the objects the console shows first are real: pods Running, the Job complete, the PVC Bound.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiextensionsV1Api,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  loadAllYaml,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { Logger } from './control-plane.ts';
import { kubeConfigFromYaml } from './kubeconfig.ts';
import { packageDir } from './paths.ts';
import { waitFor } from './readiness.ts';
import type { ClusterState } from './state.ts';

export const DEMO_CLUSTER = 'demo';
export const DEMO_NODES = 3;
const FIELD_MANAGER = 'wheelhouse-demo';
const WAIT_MS = 120_000;

export function loadDemoManifests(clusterDir: string): KubernetesObject[] {
  const dir = join(packageDir, 'demo');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8').replaceAll('__CLUSTER_DIR__', clusterDir);
      // client-node's typed loader, not a plain YAML parse: its serializer only writes model fields (it maps
      // `_default`/`_enum` back to `default`/`enum`), so plain objects would silently lose such keys on apply.
      return (loadAllYaml(text) as (KubernetesObject | null)[]).filter((o): o is KubernetesObject => Boolean(o));
    });
}

async function apply(kc: KubeConfig, objects: KubernetesObject[]): Promise<void> {
  // A fresh client per batch: its discovery cache must not predate the CRDs applied in the previous batch.
  const client = KubernetesObjectApi.makeApiClient(kc);
  for (const object of objects) {
    await client.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  }
}

export async function applyDemo(state: ClusterState, log: Logger): Promise<void> {
  const kc = kubeConfigFromYaml(readFileSync(state.kubeconfigPath, 'utf8'));
  mkdirSync(join(state.dir, 'volumes', 'demo-pv-0'), { recursive: true });
  const objects = loadDemoManifests(state.dir);
  const crdGroups = new Set(
    objects
      .filter((o) => o.kind === 'CustomResourceDefinition')
      .map((o) => (o as { spec: { group: string } }).spec.group),
  );
  const isCustom = (o: KubernetesObject) => crdGroups.has(o.apiVersion?.split('/')[0] ?? '');

  log(`applying ${objects.length} demo objects`);
  await apply(
    kc,
    objects.filter((o) => !isCustom(o)),
  );
  const extensions = kc.makeApiClient(ApiextensionsV1Api);
  for (const crd of objects.filter((o) => o.kind === 'CustomResourceDefinition')) {
    const name = crd.metadata?.name ?? '';
    await waitFor(
      `CRD ${name} Established`,
      async () =>
        (await extensions.readCustomResourceDefinition({ name })).status?.conditions?.some(
          (c) => c.type === 'Established' && c.status === 'True',
        ) ?? false,
      WAIT_MS,
    );
  }
  await apply(kc, objects.filter(isCustom));

  log('waiting for team-a/web Available, team-b/report Complete, team-a/db-data Bound');
  const apps = kc.makeApiClient(AppsV1Api);
  const batch = kc.makeApiClient(BatchV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  await Promise.all([
    waitFor(
      'deployment team-a/web',
      async () =>
        (await apps.readNamespacedDeployment({ name: 'web', namespace: 'team-a' })).status?.availableReplicas === 3,
      WAIT_MS,
    ),
    waitFor(
      'job team-b/report',
      async () => (await batch.readNamespacedJob({ name: 'report', namespace: 'team-b' })).status?.succeeded === 2,
      WAIT_MS,
    ),
    waitFor(
      'pvc team-a/db-data',
      async () =>
        (await core.readNamespacedPersistentVolumeClaim({ name: 'db-data', namespace: 'team-a' })).status?.phase ===
        'Bound',
      WAIT_MS,
    ),
  ]);
}
