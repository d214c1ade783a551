import { describe, expect, it } from 'vitest';
import { containerGroups, fromManifest, toManifest } from './manifest.mapper.js';
import type { DeploymentForm, JobForm } from './workload.schema.js';

// Parsed YAML and deliberately broken forms, read and written by path: typing each step would hide the point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const deployment = (pod: Obj, extra: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'app', namespace: 'default', labels: { app: 'app' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'app' } },
    template: { metadata: { labels: { app: 'app' } }, spec: pod },
    ...extra,
  },
});

/** Edit the form of `live` with `change`, return the new manifest's pod spec. */
function editPod(live: Obj, change: (f: DeploymentForm) => void): Obj {
  const form = fromManifest(live) as DeploymentForm;
  change(form);
  return (toManifest(form, live) as Obj).spec.template.spec;
}

describe('toManifest over a live object', () => {
  it('keeps a container field the form lacks when the image changes', () => {
    const live = deployment({ containers: [{ name: 'a', image: 'x:1', terminationMessagePath: '/t', stdin: true }] });
    const pod = editPod(live, (f) => (f.spec.template.spec.containers[0]!.image = 'x:2'));
    expect(pod.containers).toStrictEqual([{ name: 'a', image: 'x:2', terminationMessagePath: '/t', stdin: true }]);
  });

  it('matches containers and env by name, whatever their order in the form', () => {
    const live = deployment({
      containers: [
        {
          name: 'a',
          image: 'a',
          tty: true,
          env: [
            { name: 'X', value: '1' },
            { name: 'F', valueFrom: { fileKeyRef: { key: 'k' } } },
          ],
        },
        { name: 'b', image: 'b', stdin: true },
      ],
    });
    const pod = editPod(live, (f) => {
      const [a, b] = f.spec.template.spec.containers;
      a!.env!.reverse();
      f.spec.template.spec.containers = [b!, a!];
    });
    expect(pod.containers).toStrictEqual([
      { name: 'b', image: 'b', stdin: true },
      {
        name: 'a',
        image: 'a',
        tty: true,
        env: [
          { name: 'F', valueFrom: { fileKeyRef: { key: 'k' } } },
          { name: 'X', value: '1' },
        ],
      },
    ]);
  });

  it('matches ports by number and protocol first, then by name', () => {
    const ports = [
      { containerPort: 53, protocol: 'UDP', name: 'dns', hostPort: 1053 },
      { containerPort: 53, protocol: 'TCP', name: 'dns-tcp', hostPort: 2053 },
    ];
    const live = deployment({ containers: [{ name: 'dns', image: 'coredns', ports }] });
    const swapped = editPod(live, (f) => f.spec.template.spec.containers[0]!.ports!.reverse());
    expect(swapped.containers[0].ports).toStrictEqual([ports[1], ports[0]]);
    const renumbered = editPod(live, (f) => (f.spec.template.spec.containers[0]!.ports![1]!.containerPort = 5353));
    expect(renumbered.containers[0].ports[1]).toStrictEqual({ ...ports[1], containerPort: 5353 });
  });

  it('matches volume mounts by mount path and volumes by name', () => {
    const live = deployment({
      containers: [
        {
          name: 'a',
          image: 'a',
          volumeMounts: [{ name: 'v1', mountPath: '/data', mountPropagation: 'HostToContainer' }],
        },
      ],
      volumes: [
        { name: 'v1', nfs: { server: 's', path: '/' } },
        { name: 'v2', emptyDir: {}, extra: 1 },
      ],
    });
    const pod = editPod(live, (f) => {
      const spec = f.spec.template.spec;
      spec.containers[0]!.volumeMounts![0]!.name = 'v2';
      spec.volumes!.reverse();
    });
    expect(pod.containers[0].volumeMounts).toStrictEqual([
      { name: 'v2', mountPath: '/data', mountPropagation: 'HostToContainer' },
    ]);
    expect(pod.volumes).toStrictEqual([
      { name: 'v2', emptyDir: {}, extra: 1 },
      { name: 'v1', nfs: { server: 's', path: '/' } },
    ]);
  });

  it('drops the old source, modelled or not, when the form gives a volume another one', () => {
    const live = deployment({
      containers: [{ name: 'a', image: 'a' }],
      volumes: [
        { name: 'v', nfs: { server: 's', path: '/' } },
        { name: 'w', persistentVolumeClaim: { claimName: 'c' } },
      ],
    });
    const pod = editPod(live, (f) => {
      const [v, w] = f.spec.template.spec.volumes!;
      v!.emptyDir = { medium: 'Memory' };
      delete w!.persistentVolumeClaim;
      w!.configMap = { name: 'cm' };
    });
    expect(pod.volumes).toStrictEqual([
      { name: 'v', emptyDir: { medium: 'Memory' } },
      { name: 'w', configMap: { name: 'cm' } },
    ]);
  });

  it('matches tolerations by value: an untouched one keeps its unknown fields, a changed one is new', () => {
    const live = deployment({
      containers: [{ name: 'a', image: 'a' }],
      tolerations: [
        { key: 'a', operator: 'Exists', future: 1 },
        { key: 'b', operator: 'Equal', value: 'x', future: 2 },
      ],
    });
    const pod = editPod(live, (f) => {
      const t = f.spec.template.spec.tolerations!;
      t[1]!.value = 'y';
      t.reverse();
    });
    expect(pod.tolerations).toStrictEqual([
      { key: 'b', operator: 'Equal', value: 'y' },
      { key: 'a', operator: 'Exists', future: 1 },
    ]);
  });

  it('keeps sidecars in their place among init containers, and a role change edits restartPolicy only', () => {
    const live = deployment({
      initContainers: [
        { name: 'first', image: 'i' },
        { name: 'proxy', image: 'p', restartPolicy: 'Always', stdin: true },
        { name: 'last', image: 'i' },
      ],
      containers: [{ name: 'app', image: 'a' }],
    });
    const form = fromManifest(live) as DeploymentForm;
    const groups = containerGroups(form.spec.template.spec);
    expect(groups.init.map((e) => [e.container.name, e.index])).toEqual([
      ['first', 0],
      ['last', 2],
    ]);
    expect(groups.sidecar.map((e) => [e.container.name, e.index])).toEqual([['proxy', 1]]);
    expect(groups.main.map((e) => e.container.name)).toEqual(['app']);
    const pod = editPod(live, (f) => delete f.spec.template.spec.initContainers![1]!.restartPolicy);
    expect(pod.initContainers).toStrictEqual([
      { name: 'first', image: 'i' },
      { name: 'proxy', image: 'p', stdin: true },
      { name: 'last', image: 'i' },
    ]);
  });

  it('neither shows nor drops the Job controller labels, and keeps the Job selector', () => {
    const uid = 'c0ffee00-0000-4000-8000-000000000000';
    const labels = { app: 'x', 'batch.kubernetes.io/controller-uid': uid, 'job-name': 'x' };
    const live = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'x', labels },
      spec: {
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
        template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'x' }] } },
      },
    };
    const form = fromManifest(live) as JobForm;
    expect(form.spec.template.metadata?.labels).toEqual({ app: 'x' });
    form.spec.template.metadata!.labels = { app: 'y', tier: 'batch' };
    const out = toManifest(form, live) as Obj;
    expect(out.spec.template.metadata.labels).toStrictEqual({ ...labels, app: 'y', tier: 'batch' });
    expect(out.spec.selector).toStrictEqual(live.spec.selector);
  });

  it('keeps a quantity written as a number until the form changes it, then writes a string', () => {
    const live = deployment({
      containers: [{ name: 'a', image: 'a', resources: { requests: { cpu: 1, memory: '1Gi' } } }],
    });
    expect((fromManifest(live) as DeploymentForm).spec.template.spec.containers[0]!.resources?.requests?.cpu).toBe('1');
    const same = editPod(live, (f) => (f.spec.template.spec.containers[0]!.resources!.requests!.memory = '2Gi'));
    expect(same.containers[0].resources.requests).toStrictEqual({ cpu: 1, memory: '2Gi' });
    const changed = editPod(live, (f) => (f.spec.template.spec.containers[0]!.resources!.requests!.cpu = '1500m'));
    expect(changed.containers[0].resources.requests.cpu).toBe('1500m');
  });

  it('clearing what the form shows of an object keeps what it does not show', () => {
    const live = deployment({
      containers: [{ name: 'a', image: 'a', securityContext: { runAsUser: 1, seLinuxOptions: { level: 's0' } } }],
    });
    const pod = editPod(live, (f) => delete f.spec.template.spec.containers[0]!.securityContext);
    expect(pod.containers[0].securityContext).toStrictEqual({ seLinuxOptions: { level: 's0' } });
  });

  it('drops the deprecated serviceAccount twin only when the service account changes', () => {
    const live = deployment({
      containers: [{ name: 'a', image: 'a' }],
      serviceAccount: 'old',
      serviceAccountName: 'old',
    });
    expect(editPod(live, (f) => (f.spec.replicas = 2))).toMatchObject({
      serviceAccount: 'old',
      serviceAccountName: 'old',
    });
    const pod = editPod(live, (f) => (f.spec.template.spec.serviceAccountName = 'new'));
    expect(pod.serviceAccountName).toBe('new');
    expect(pod).not.toHaveProperty('serviceAccount');
  });

  it('switching to Recreate removes the rolling update settings it owns', () => {
    const live = deployment(
      { containers: [{ name: 'a', image: 'a' }] },
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } },
    );
    const form = fromManifest(live) as DeploymentForm;
    form.spec.strategy = { type: 'Recreate' };
    expect((toManifest(form, live) as Obj).spec.strategy).toStrictEqual({ type: 'Recreate' });
  });

  it('ignores a base of another kind and never modifies its inputs', () => {
    const live = deployment({ containers: [{ name: 'a', image: 'a', stdin: true }] });
    const form = fromManifest(live);
    const frozen = structuredClone(form);
    const other = { ...structuredClone(live), kind: 'StatefulSet' };
    expect(toManifest(form, other)).toStrictEqual(toManifest(form));
    expect(form).toStrictEqual(frozen);
  });
});
