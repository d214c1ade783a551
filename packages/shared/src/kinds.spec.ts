import { describe, expect, it } from 'vitest';
import { KINDS, kindDef, listColumns, parseJsonPath, printerColumns, statusOf } from './kinds/index.js';

const REQUIRED = [
  'pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs', 'cronjobs', 'horizontalpodautoscalers',
  'services', 'endpointslices', 'ingresses', 'ingressclasses', 'networkpolicies', 'configmaps', 'secrets',
  'serviceaccounts', 'persistentvolumes', 'persistentvolumeclaims', 'storageclasses', 'resourcequotas', 'limitranges',
  'priorityclasses', 'poddisruptionbudgets', 'roles', 'clusterroles', 'rolebindings', 'clusterrolebindings',
  'namespaces', 'nodes', 'events', 'customresourcedefinitions',
];

describe('kind registry', () => {
  it('has one entry per built-in kind, no duplicates, columns with unique keys', () => {
    expect(KINDS.map((k) => k.resource).sort()).toEqual([...REQUIRED].sort());
    for (const k of KINDS) {
      const keys = listColumns(k, { showNamespace: k.namespaced }).map((c) => c.key);
      expect(new Set(keys).size, k.resource).toBe(keys.length);
      // The list API sorts by dotted paths only.
      for (const c of k.columns) if (c.sort) expect(c.sort, `${k.resource}.${c.key}`).toMatch(/^[A-Za-z0-9_.]+$/);
    }
  });

  it('finds kinds by group, with core spelled either way', () => {
    expect(kindDef('core', 'pods')?.kind).toBe('Pod');
    expect(kindDef('', 'pods')?.kind).toBe('Pod');
    expect(kindDef('apps', 'pods')).toBeUndefined();
    expect(kindDef('example.com', 'widgets')).toBeUndefined();
  });

  it("says a pod's status as kubectl does: a crashing container beats the phase", () => {
    const pods = kindDef('', 'pods');
    const crash = {
      status: { phase: 'Running', containerStatuses: [{ ready: false, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m' } } }] },
    };
    expect(statusOf(pods, crash)).toEqual({ tone: 'error', text: 'CrashLoopBackOff', detail: 'back-off 5m' });
    const ready = { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(statusOf(pods, ready)).toEqual({ tone: 'success', text: 'Running' });
    expect(statusOf(pods, { metadata: { deletionTimestamp: 'x' }, status: { phase: 'Running' } })?.key).toBe('terminating');
    expect(statusOf(pods, { status: { phase: 'Succeeded' } })).toEqual({ tone: 'default', text: 'Completed' });
  });

  it('tells a rolling deployment from a ready, a scaled-down and a stuck one', () => {
    const d = kindDef('apps', 'deployments');
    expect(statusOf(d, { spec: { replicas: 3 }, status: { readyReplicas: 3, updatedReplicas: 3 } })?.key).toBe('ready');
    expect(statusOf(d, { spec: { replicas: 3 }, status: { readyReplicas: 1, updatedReplicas: 3 } })).toMatchObject({ key: 'updating', detail: '1/3' });
    expect(statusOf(d, { spec: { replicas: 0 } })?.key).toBe('scaledToZero');
    const stuck = { spec: { replicas: 1 }, status: { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] } };
    expect(statusOf(d, stuck)).toMatchObject({ tone: 'error', text: 'ProgressDeadlineExceeded' });
  });

  it('marks cordoned and not-ready nodes', () => {
    const n = kindDef('', 'nodes');
    const ready = { status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(statusOf(n, ready)?.key).toBe('ready');
    expect(statusOf(n, { ...ready, spec: { unschedulable: true } })).toMatchObject({ tone: 'warning', key: 'cordoned' });
    expect(statusOf(n, { status: { conditions: [{ type: 'Ready', status: 'False', message: 'kubelet down' }] } })).toMatchObject({ tone: 'error', key: 'notReady' });
  });

  it('reads the columns of a real object', () => {
    const svc = { metadata: { name: 'web', namespace: 'a' }, spec: { type: 'NodePort', clusterIP: '10.0.0.1', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } };
    const cols = listColumns(kindDef('', 'services'), { showNamespace: true });
    const row = Object.fromEntries(cols.map((c) => [c.key, c.value(svc)]));
    expect(row).toMatchObject({ name: 'web', namespace: 'a', type: 'NodePort', clusterIP: '10.0.0.1', ports: '80:30080/TCP' });
  });

  it('computes pod readiness and restarts', () => {
    const pod = {
      spec: { containers: [{}, {}] },
      status: { containerStatuses: [{ ready: true, restartCount: 2 }, { ready: false, restartCount: 1 }] },
    };
    const cols = listColumns(kindDef('', 'pods'), { showNamespace: false });
    expect(cols.find((c) => c.key === 'ready')?.value(pod)).toBe('1/2');
    expect(cols.find((c) => c.key === 'restarts')?.value(pod)).toBe(3);
  });

  it('uses the status of a Ready condition for kinds it does not know', () => {
    expect(statusOf(undefined, { status: { conditions: [{ type: 'Ready', status: 'True' }] } })?.key).toBe('ready');
    expect(statusOf(undefined, { spec: {} })).toBeUndefined();
  });
});

describe('CRD printer columns', () => {
  it('parses the JSONPath subset and refuses the rest', () => {
    expect(parseJsonPath('.spec.replicas')).toEqual([{ field: 'spec' }, { field: 'replicas' }]);
    expect(parseJsonPath('.status.conditions[?(@.type=="Ready")].status')).toHaveLength(4);
    expect(parseJsonPath(".metadata.labels['app.kubernetes.io/name']")).toEqual([{ field: 'metadata' }, { field: 'labels' }, { field: 'app.kubernetes.io/name' }]);
    expect(parseJsonPath('.spec[(@.length-1)]')).toBeNull();
  });

  it('builds sortable, typed, optional columns from a CRD', () => {
    const cols = printerColumns([
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      { name: 'Owner', type: 'string', jsonPath: '.spec.owner', priority: 1 },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ]);
    expect(cols.map((c) => [c.title, c.type, c.sort, c.optional])).toEqual([
      ['Replicas', 'number', 'spec.replicas', false],
      ['Ready', 'text', undefined, false],
      ['Owner', 'text', 'spec.owner', true],
    ]);
    const o = { spec: { replicas: 2 }, status: { conditions: [{ type: 'Synced', status: 'False' }, { type: 'Ready', status: 'True' }] } };
    expect(cols.map((c) => c.value(o))).toEqual([2, 'True', null]);
    // A CRD instance list: name, namespace, its printer columns, age.
    expect(listColumns(undefined, { showNamespace: true, printer: [{ name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' }] }).map((c) => c.key)).toEqual([
      'name', 'namespace', 'printer-0', 'age',
    ]);
  });
});
