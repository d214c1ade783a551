import { describe, expect, it } from 'vitest';
import { workloadIssueKey } from './messages.js';
import { applyRestricted, restrictedSecurityContext } from './restricted.js';
import { WorkloadFormSchema, type DeploymentForm } from './workload.schema.js';

// Parsed YAML and deliberately broken forms, read and written by path: typing each step would hide the point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const base = (): DeploymentForm => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
});

/** Keys and paths of the issues the schema finds after `change`. */
function issues(change: (f: Obj) => void, form: Obj = base()): { key: string; path: string }[] {
  change(form);
  const result = WorkloadFormSchema.safeParse(form);
  return (result.error?.issues ?? []).map((i) => ({ key: workloadIssueKey(i), path: i.path.join('.') }));
}
const keysOf = (change: (f: Obj) => void, form?: Obj) => issues(change, form).map((i) => i.key);
const container = (f: Obj) => f.spec.template.spec.containers[0];

describe('workload form validation', () => {
  it('accepts the base form', () => {
    expect(issues(() => undefined)).toEqual([]);
  });

  it('names: DNS-1123 subdomains for workloads, labels for namespaces and containers, length per kind', () => {
    expect(issues((f) => (f.metadata.name = 'Web_1'))).toEqual([
      { key: 'workload.dns1123Subdomain', path: 'metadata.name' },
    ]);
    expect(issues((f) => (f.metadata.namespace = 'a.b'))).toEqual([
      { key: 'workload.dns1123Label', path: 'metadata.namespace' },
    ]);
    expect(keysOf((f) => (container(f).name = '-web'))).toEqual(['workload.dns1123Label']);
    expect(keysOf((f) => (container(f).name = 'x'.repeat(64)))).toEqual(['workload.dns1123Label']);
    const cron: Obj = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c'.repeat(53) },
      spec: {
        schedule: '@daily',
        jobTemplate: {
          spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'c' }] } } },
        },
      },
    };
    expect(issues(() => undefined, cron)).toEqual([{ key: 'workload.nameTooLong', path: 'metadata.name' }]);
    expect(issues((f) => (f.metadata.name = 'c'.repeat(52)), cron)).toEqual([]);
  });

  it('label and annotation keys and values give their keys, at the key', () => {
    expect(issues((f) => (f.metadata.labels = { 'bad key': 'x' }))).toEqual([
      { key: 'workload.labelKey', path: 'metadata.labels.bad key' },
    ]);
    expect(issues((f) => (f.metadata.labels = { app: 'has space' }))).toEqual([
      { key: 'workload.labelValue', path: 'metadata.labels.app' },
    ]);
    expect(keysOf((f) => (f.metadata.annotations = { 'a/b/c': 'x' }))).toEqual(['workload.annotationKey']);
    expect(
      keysOf((f) => (f.spec.template.spec.nodeSelector = { 'kubernetes.io/os': 'linux', 'no good': 'x' })),
    ).toEqual(['workload.labelKey']);
    expect(keysOf((f) => (f.metadata.annotations = { big: 'x'.repeat(256 * 1024) }))).toEqual([
      'workload.annotationsTooLarge',
    ]);
  });

  it('a bad quantity gives workload.quantity at its path', () => {
    expect(issues((f) => (container(f).resources = { limits: { memory: '1GB' } }))).toEqual([
      { key: 'workload.quantity', path: 'spec.template.spec.containers.0.resources.limits.memory' },
    ]);
  });

  it('ports are 1–65535, names are IANA service names', () => {
    for (const port of [0, 65536, 1.5]) {
      expect(
        keysOf((f) => (container(f).ports = [{ containerPort: port }])),
        String(port),
      ).toEqual(['workload.port']);
    }
    expect(keysOf((f) => (container(f).ports = [{ containerPort: 65535, name: 'http' }]))).toEqual([]);
    expect(keysOf((f) => (container(f).ports = [{ containerPort: 80, name: 'Web' }]))).toEqual(['workload.portName']);
    // A probe port is a number or a name: zod reports the branch the value's type chose, else both.
    expect(keysOf((f) => (container(f).livenessProbe = { httpGet: { port: 0 } }))).toEqual(['workload.port']);
    expect(keysOf((f) => (container(f).livenessProbe = { tcpSocket: { port: 'Bad_Name' } }))).toEqual([
      'workload.portName',
    ]);
    expect(keysOf((f) => (container(f).livenessProbe = { tcpSocket: { port: true } }))).toEqual([
      'workload.portOrName',
    ]);
  });

  it('a bad schedule or time zone gives its key', () => {
    const cron: Obj = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: {
        schedule: '61 * * * *',
        jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'c' }] } } } },
      },
    };
    expect(issues(() => undefined, cron)).toEqual([{ key: 'workload.cron', path: 'spec.schedule' }]);
    expect(keysOf((f) => ((f.spec.schedule = '@daily'), (f.spec.timeZone = 'Mars/Olympus')), cron)).toEqual([
      'workload.timeZone',
    ]);
  });

  it('cross-field rules: selector, container names, mounts, restart policy, init containers', () => {
    expect(issues((f) => (f.spec.template.metadata.labels = { app: 'other' }))).toEqual([
      { key: 'workload.selectorMismatch', path: 'spec.template.metadata.labels' },
    ]);
    expect(issues((f) => f.spec.template.spec.containers.push({ name: 'web', image: 'x' }))).toEqual([
      { key: 'workload.duplicateName', path: 'spec.template.spec.containers.1.name' },
    ]);
    expect(issues((f) => (container(f).volumeMounts = [{ name: 'data', mountPath: '/d' }]))).toEqual([
      { key: 'workload.unknownVolume', path: 'spec.template.spec.containers.0.volumeMounts.0.name' },
    ]);
    expect(issues((f) => (f.spec.template.spec.restartPolicy = 'Never'))).toEqual([
      { key: 'workload.restartPolicy', path: 'spec.template.spec.restartPolicy' },
    ]);
    const init = { name: 'init', image: 'i', readinessProbe: { exec: { command: ['true'] } } };
    expect(keysOf((f) => (f.spec.template.spec.initContainers = [init]))).toEqual(['workload.initContainerProbes']);
    expect(keysOf((f) => (f.spec.template.spec.initContainers = [{ ...init, restartPolicy: 'Always' }]))).toEqual([]);
    expect(keysOf((f) => (f.spec.template.spec.containers = []))).toEqual(['workload.containersRequired']);
  });

  it('one-of rules: env sources, probe and hook handlers, volume sources, envFrom', () => {
    const ref = { configMapKeyRef: { name: 'cm', key: 'k' } };
    expect(keysOf((f) => (container(f).env = [{ name: 'A', value: 'x', valueFrom: ref }]))).toEqual([
      'workload.envSource',
    ]);
    expect(
      keysOf((f) => (container(f).env = [{ name: 'A', valueFrom: { ...ref, secretKeyRef: { name: 's', key: 'k' } } }])),
    ).toEqual(['workload.envSource']);
    expect(keysOf((f) => (container(f).env = [{ name: 'A=B', value: 'x' }]))).toEqual(['workload.envName']);
    expect(keysOf((f) => (container(f).envFrom = [{ configMapRef: { name: 'a' }, secretRef: { name: 'b' } }]))).toEqual(
      ['workload.envFromSource'],
    );
    expect(keysOf((f) => (container(f).livenessProbe = { periodSeconds: 5 }))).toEqual(['workload.probeHandler']);
    expect(keysOf((f) => (container(f).livenessProbe = { exec: { command: ['a'] }, tcpSocket: { port: 80 } }))).toEqual(
      ['workload.probeHandler'],
    );
    expect(keysOf((f) => (container(f).livenessProbe = { exec: { command: ['a'] }, successThreshold: 2 }))).toEqual([
      'workload.successThresholdOne',
    ]);
    expect(keysOf((f) => (container(f).lifecycle = { preStop: {} }))).toEqual(['workload.lifecycleHandler']);
    expect(
      keysOf((f) => (f.spec.template.spec.volumes = [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }])),
    ).toEqual(['workload.volumeSource']);
    expect(
      keysOf((f) => (container(f).volumeMounts = [{ name: 'v', mountPath: '/v', subPath: '../etc' }]), withVolume()),
    ).toEqual(['workload.subPath']);
  });

  it('kind settings: int-or-percent, strategies, Indexed jobs, tolerations, seccomp, affinity weights', () => {
    expect(keysOf((f) => (f.spec.strategy = { rollingUpdate: { maxSurge: '25' } }))).toEqual(['workload.intOrPercent']);
    expect(keysOf((f) => (f.spec.strategy = { rollingUpdate: { maxUnavailable: -1 } }))).toEqual([
      'workload.nonNegative',
    ]);
    expect(keysOf((f) => (f.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }))).toEqual([
      'workload.recreateRollingUpdate',
    ]);
    expect(keysOf((f) => (f.spec.strategy = { type: 'Sometimes' }))).toEqual(['workload.choice']);
    expect(keysOf((f) => (f.spec.replicas = -1))).toEqual(['workload.nonNegative']);
    expect(keysOf((f) => (f.spec.replicas = 1.5))).toEqual(['workload.integer']);
    const job: Obj = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        completionMode: 'Indexed',
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'j', image: 'j' }] } },
      },
    };
    expect(issues(() => undefined, job)).toEqual([{ key: 'workload.indexedCompletions', path: 'spec.completions' }]);
    expect(keysOf((f) => (f.spec.template.spec.tolerations = [{ key: 'k', operator: 'Exists', value: 'v' }]))).toEqual([
      'workload.tolerationValue',
    ]);
    expect(keysOf((f) => (container(f).securityContext = { seccompProfile: { type: 'Localhost' } }))).toEqual([
      'workload.localhostProfile',
    ]);
    const affinity = {
      nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] },
    };
    expect(keysOf((f) => (f.spec.template.spec.affinity = affinity))).toEqual(['workload.weight']);
  });

  it('zod issues without a key of ours read as workload.invalid', () => {
    expect(keysOf((f) => (f.spec.replicas = 'three'))).toEqual(['workload.invalid']);
    expect(keysOf((f) => (container(f).unknownField = 1))).toEqual(['workload.invalid']);
  });
});

function withVolume(): Obj {
  const f: Obj = base();
  f.spec.template.spec.volumes = [{ name: 'v', emptyDir: {} }];
  return f;
}

describe('restricted preset', () => {
  it('gives what Pod Security restricted asks of pods and containers', () => {
    expect(restrictedSecurityContext()).toEqual({
      pod: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      container: {
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      },
    });
  });

  it('lays it over every container, keeps other fields and only NET_BIND_SERVICE of the added capabilities', () => {
    const form = base();
    const spec = form.spec.template.spec;
    spec.initContainers = [
      { name: 'proxy', image: 'p', restartPolicy: 'Always', securityContext: { runAsUser: 1337 } },
    ];
    spec.containers[0]!.securityContext = {
      privileged: true,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['NET_ADMIN', 'NET_BIND_SERVICE'] },
    };
    spec.securityContext = { fsGroup: 2000 };
    const hardened = applyRestricted(spec);
    expect(hardened.initContainers![0]!.securityContext).toMatchObject({
      runAsUser: 1337,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(hardened.containers[0]!.securityContext).toEqual({
      ...restrictedSecurityContext().container,
      readOnlyRootFilesystem: true,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
    });
    expect(hardened.securityContext).toEqual({
      fsGroup: 2000,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(spec.containers[0]!.securityContext?.privileged, 'input untouched').toBe(true);
    expect(
      WorkloadFormSchema.safeParse({
        ...form,
        spec: { ...form.spec, template: { ...form.spec.template, spec: hardened } },
      }).success,
    ).toBe(true);
  });
});
