import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromManifest, toManifest } from './manifest.mapper.js';
import { SYSTEM_ANNOTATION_KEYS, SYSTEM_LABEL_KEYS } from './metadata.schema.js';
import {
  WORKLOAD_FORM_KINDS,
  WorkloadFormSchema,
  type WorkloadForm,
  type WorkloadFormKind,
} from './workload.schema.js';

/**
 * Generated valid forms. They are normalised the way fromManifest returns forms — no empty optional objects,
 * lists or maps (toManifest leaves those out, so they could not come back) — and they pass the schema.
 */

type Obj = Record<string, unknown>;
type Model<T> = { [K in keyof T]: fc.Arbitrary<T[K]> };
const R = { noNullPrototype: true } as const;

const rec = <T extends Obj>(model: Model<T>) => fc.record(model, R);
/** Any of these keys, maybe none. */
const opt = <T extends Obj>(model: Model<T>) => fc.record(model, { requiredKeys: [], ...R });
/** Some of these keys, at least one. */
const some = <T extends Obj>(model: Model<T>) => opt(model).filter((o) => Object.keys(o).length > 0);
/** These keys, and any of the optional ones. */
const obj = <T extends Obj, O extends Obj>(required: Model<T>, optional: Model<O>) =>
  fc.tuple(rec(required), opt(optional)).map(([a, b]) => ({ ...a, ...b }));
const list = <T>(item: fc.Arbitrary<T>, maxLength = 3) => fc.array(item, { minLength: 1, maxLength });
const one = fc.constantFrom;

const label = fc.stringMatching(/^[a-z]([-a-z0-9]{0,6}[a-z0-9])?$/);
const HIDDEN = new Set<string>([...SYSTEM_LABEL_KEYS, ...SYSTEM_ANNOTATION_KEYS]);
const labelKey = fc
  .oneof(
    label,
    fc.tuple(label, label, label).map(([a, b, c]) => `${a}.${b}/${c}`),
  )
  .filter((k) => !HIDDEN.has(k));
const labelValue = fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/));
const labels = fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 3, ...R });
const annotations = fc.dictionary(labelKey, fc.string({ maxLength: 12 }), { minKeys: 1, maxKeys: 3, ...R });
const strings = list(fc.string({ minLength: 1, maxLength: 10 }));
const nat = fc.nat({ max: 1000 });
const positive = fc.integer({ min: 1, max: 600 });
const bool = fc.boolean();
const quantity = fc.oneof(
  one('100m', '1', '0.5', '128Mi', '1Gi', '1e3', '500M'),
  positive.map((n) => `${n}Mi`),
);
const port = fc.integer({ min: 1, max: 65535 });
const portName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const intOrPercent = fc.oneof(
  fc.nat(10),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
);
const path = label.map((l) => `/${l}`);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);

const keyRef = obj({ name: label, key: fc.stringMatching(/^[-._a-zA-Z0-9]{1,10}$/) }, { optional: bool });
const envSource = fc.oneof(
  rec({ configMapKeyRef: keyRef }),
  rec({ secretKeyRef: keyRef }),
  rec({ fieldRef: obj({ fieldPath: one('metadata.name', 'status.podIP') }, { apiVersion: fc.constant('v1') }) }),
  rec({ resourceFieldRef: obj({ resource: one('limits.cpu') }, { containerName: label, divisor: quantity }) }),
);
const envVar = fc.oneof(
  obj({ name: envName }, { value: fc.string({ maxLength: 10 }) }),
  rec({ name: envName, valueFrom: envSource }),
);
const ref = obj({ name: label }, { optional: bool });
const prefix = { prefix: fc.stringMatching(/^[A-Z]{1,4}_$/) };
const envFrom = fc.oneof(obj({ configMapRef: ref }, prefix), obj({ secretRef: ref }, prefix));
const resourceList = some({ cpu: quantity, memory: quantity, 'ephemeral-storage': quantity });
const header = rec({ name: label, value: fc.string({ maxLength: 5 }) });
const httpGet = obj(
  { port: fc.oneof(port, portName) },
  { path, host: fc.constant('127.0.0.1'), scheme: one('HTTP', 'HTTPS'), httpHeaders: list(header) },
);
const tcpSocket = obj({ port: fc.oneof(port, portName) }, { host: fc.constant('localhost') });
const exec = rec({ command: strings });
const grpc = obj({ port }, { service: label });
const check = fc.oneof(rec({ exec }), rec({ httpGet }), rec({ tcpSocket }), rec({ grpc }));
const probe = (successThreshold: fc.Arbitrary<number>) =>
  fc
    .tuple(
      check,
      opt({ initialDelaySeconds: nat, periodSeconds: positive, failureThreshold: positive, successThreshold }),
    )
    .map(([h, t]) => ({ ...h, ...t }));
const hook = fc.oneof(rec({ exec }), rec({ httpGet }), rec({ tcpSocket }), rec({ sleep: rec({ seconds: nat }) }));
const seccomp = fc.oneof(
  rec({ type: one('RuntimeDefault', 'Unconfined') }),
  rec({ type: fc.constant('Localhost'), localhostProfile: fc.constant('profiles/p.json') }),
);
const securityContext = some({
  runAsNonRoot: bool,
  runAsUser: nat,
  readOnlyRootFilesystem: bool,
  allowPrivilegeEscalation: bool,
  privileged: bool,
  capabilities: some({ add: list(one('NET_ADMIN', 'NET_BIND_SERVICE')), drop: list(fc.constant('ALL'), 1) }),
  seccompProfile: seccomp,
});
const mount = obj(
  { name: one('data', 'config', 'cache', 'certs'), mountPath: path },
  { subPath: label, readOnly: bool },
);

const containerFields = {
  imagePullPolicy: one('Always', 'IfNotPresent', 'Never'),
  command: strings,
  args: strings,
  workingDir: path,
  ports: list(obj({ containerPort: port }, { name: portName, protocol: one('TCP', 'UDP', 'SCTP') })),
  env: list(envVar, 4),
  envFrom: list(envFrom, 2),
  resources: some({ requests: resourceList, limits: resourceList }),
  securityContext,
  volumeMounts: list(mount),
};
const image = one('nginx:1.27', 'ghcr.io/example/app@sha256:0123', 'busybox');
const running = {
  livenessProbe: probe(fc.constant(1)),
  readinessProbe: probe(positive),
  startupProbe: probe(fc.constant(1)),
  lifecycle: some({ postStart: hook, preStop: hook }),
};
const main = obj({ name: label, image }, { ...containerFields, ...running });
const init = fc.oneof(
  obj({ name: label, image }, containerFields),
  obj({ name: label, image, restartPolicy: fc.constant('Always') }, { ...containerFields, ...running }),
);

// Carried parts travel whole: a few real shapes are enough.
const CARRIED = parse(`
  projected: { sources: [{ serviceAccountToken: { path: token, expirationSeconds: 3600 } }] }
  ephemeral: { volumeClaimTemplate: { spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } } } }
  affinity:
    - nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: a, operator: In, values: [b] }] }] } }
    - podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { topologyKey: zone } }] }
`) as { projected: Obj; ephemeral: Obj; affinity: Obj[] };
const items = list(rec({ key: label, path: label }));
const volumeSource = fc.oneof(
  fc.constant({}),
  rec({ emptyDir: opt({ medium: one('', 'Memory'), sizeLimit: quantity }) }),
  rec({ configMap: opt({ name: label, defaultMode: fc.constant(420), optional: bool, items }) }),
  rec({ secret: opt({ secretName: label, optional: bool, items }) }),
  rec({ persistentVolumeClaim: obj({ claimName: label }, { readOnly: bool }) }),
  rec({ hostPath: obj({ path }, { type: one('', 'Directory', 'FileOrCreate') }) }),
  one({ projected: CARRIED.projected }, { ephemeral: CARRIED.ephemeral }),
);
const effect = one('', 'NoSchedule', 'NoExecute');
const toleration = fc.oneof(
  obj({ operator: fc.constant('Exists') }, { key: label, effect }),
  obj({ key: label, value: label }, { operator: fc.constant('Equal'), effect, tolerationSeconds: nat }),
);
const skew = { maxSkew: positive, topologyKey: label, whenUnsatisfiable: one('DoNotSchedule', 'ScheduleAnyway') };
const selector = rec({ matchLabels: labels });
const spread = obj(skew, {
  labelSelector: selector,
  minDomains: positive,
  nodeTaintsPolicy: one('Honor'),
  matchLabelKeys: list(label),
});
const podSecurity = some({
  runAsNonRoot: bool,
  runAsUser: nat,
  fsGroup: nat,
  supplementalGroups: list(nat),
  seccompProfile: seccomp,
});

/** A pod spec with unique container names and a volume for every mount. */
const podSpec = (restartPolicies: readonly string[]) =>
  obj(
    { containers: list(main) },
    {
      initContainers: list(init),
      restartPolicy: one(...restartPolicies),
      terminationGracePeriodSeconds: nat,
      dnsPolicy: one('ClusterFirst', 'Default', 'None'),
      nodeSelector: labels,
      affinity: one(...CARRIED.affinity),
      tolerations: list(toleration),
      topologySpreadConstraints: list(spread, 2),
      priorityClassName: label,
      serviceAccountName: label,
      imagePullSecrets: list(rec({ name: label }), 2),
      securityContext: podSecurity,
    },
  ).chain((generated: Obj) => {
    let n = 0;
    const rename = (cs: Obj[] | undefined) => cs?.map((c) => ({ ...c, name: `${String(c.name)}-${n++}` }));
    const init = rename(generated.initContainers as Obj[] | undefined);
    const spec: Obj = {
      ...generated,
      ...(init ? { initContainers: init } : {}),
      containers: rename(generated.containers as Obj[]),
    };
    const all = [...((spec.initContainers as Obj[] | undefined) ?? []), ...(spec.containers as Obj[])];
    const used = [...new Set(all.flatMap((c) => ((c.volumeMounts as Obj[] | undefined) ?? []).map((m) => m.name)))];
    if (used.length === 0) return fc.constant(spec);
    const volumes = fc.tuple(...used.map(() => volumeSource));
    return volumes.map((sources) => ({ ...spec, volumes: used.map((name, i) => ({ name, ...sources[i] })) }));
  });

const template = (kind: WorkloadFormKind) =>
  obj({ metadata: obj({ labels }, { annotations }), spec: podSpec(WORKLOAD_FORM_KINDS[kind].restartPolicies) }, {});
/** The selector matches the template's labels (Jobs and CronJobs have no selector in the form). */
const selected = (kind: WorkloadFormKind) =>
  template(kind).map((t) => ({ selector: { matchLabels: { ...t.metadata.labels } }, template: t }));
const history = { minReadySeconds: nat, revisionHistoryLimit: nat };
const update = ([rolling, ...others]: string[], settings: Model<Obj>) =>
  fc.oneof(rec({ type: one(...others) }), obj({ type: fc.constant(rolling) }, { rollingUpdate: some(settings) }));
const merged = <A, B>(a: fc.Arbitrary<A>, b: fc.Arbitrary<B>) => fc.tuple(a, b).map(([x, y]) => ({ ...x, ...y }));
const completions = fc.oneof(
  rec({ completionMode: fc.constant('Indexed'), completions: positive }),
  opt({ completionMode: fc.constant('NonIndexed'), completions: nat }),
);
const jobSettings = opt({
  parallelism: nat,
  backoffLimit: nat,
  activeDeadlineSeconds: positive,
  ttlSecondsAfterFinished: nat,
  suspend: bool,
});
const jobSpec = (kind: WorkloadFormKind) => merged(merged(rec({ template: template(kind) }), completions), jobSettings);
const claimSpec = some({
  accessModes: list(one('ReadWriteOnce')),
  storageClassName: label,
  resources: rec({ requests: rec({ storage: quantity }) }),
});
const claim = rec({ metadata: obj({ name: label.map((l) => `claim-${l}`) }, { labels }), spec: claimSpec });
const retention = some({ whenDeleted: one('Retain', 'Delete'), whenScaled: one('Retain', 'Delete') });
const surge = { maxSurge: intOrPercent, maxUnavailable: intOrPercent };

const SPECS: Record<WorkloadFormKind, fc.Arbitrary<Obj>> = {
  Deployment: merged(
    selected('Deployment'),
    opt({
      replicas: nat,
      strategy: update(['RollingUpdate', 'Recreate'], surge),
      progressDeadlineSeconds: positive,
      ...history,
    }),
  ),
  StatefulSet: merged(
    selected('StatefulSet'),
    opt({
      replicas: nat,
      serviceName: label,
      podManagementPolicy: one('OrderedReady', 'Parallel'),
      updateStrategy: update(['RollingUpdate', 'OnDelete'], { partition: nat, maxUnavailable: intOrPercent }),
      ordinals: rec({ start: nat }),
      persistentVolumeClaimRetentionPolicy: retention,
      volumeClaimTemplates: list(claim, 2),
      ...history,
    }),
  ),
  DaemonSet: merged(
    selected('DaemonSet'),
    opt({ updateStrategy: update(['RollingUpdate', 'OnDelete'], surge), ...history }),
  ),
  Job: jobSpec('Job'),
  CronJob: obj(
    {
      schedule: one('*/5 * * * *', '0 3 * * mon-fri', '@hourly', '15,45 1-5/2 * * *', '@every 12h'),
      jobTemplate: obj({ spec: jobSpec('CronJob') }, { metadata: rec({ labels }) }),
    },
    {
      timeZone: one('Etc/UTC', 'Asia/Shanghai'),
      concurrencyPolicy: one('Allow', 'Forbid', 'Replace'),
      startingDeadlineSeconds: nat,
      successfulJobsHistoryLimit: nat,
      failedJobsHistoryLimit: nat,
      suspend: bool,
    },
  ),
};

const formOf = (kind: WorkloadFormKind): fc.Arbitrary<WorkloadForm> =>
  merged(
    rec({ apiVersion: fc.constant(WORKLOAD_FORM_KINDS[kind].apiVersion), kind: fc.constant(kind) }),
    rec({ metadata: obj({ name: label }, { namespace: label, labels, annotations }), spec: SPECS[kind] }),
  ).map((form) => form as WorkloadForm);

const DIR = new URL('./corpus/', import.meta.url);
const LIVE = readdirSync(DIR).map((f) => parse(readFileSync(new URL(f, DIR), 'utf8')) as Obj);

// Big forms, and CPUs shared with other work: a generous time limit rather than fewer runs.
const TIMEOUT = 120_000;
const run = (property: Parameters<typeof fc.assert>[0]) => () => fc.assert(property, { numRuns: 120 });

describe.each(Object.keys(WORKLOAD_FORM_KINDS) as WorkloadFormKind[])('%s form (property)', (kind) => {
  const identity = fc.property(formOf(kind), (form) => {
    expect(WorkloadFormSchema.safeParse(form).error?.issues ?? []).toEqual([]);
    expect(fromManifest(toManifest(form))).toStrictEqual(form);
  });
  const overLive = fc.property(formOf(kind), one(...LIVE.filter((m) => m.kind === kind)), (form, live) => {
    const once = toManifest(form, live);
    expect(fromManifest(once)).toStrictEqual(form);
    expect(toManifest(form, once)).toStrictEqual(once);
  });

  it('generated forms are valid, and form → manifest → form is the identity', run(identity), TIMEOUT);
  it(
    'over any live object of the kind the form reads back unchanged; writing again changes nothing',
    run(overLive),
    TIMEOUT,
  );
});
