import type { Relation } from '@wheelhouse/shared';
import { at, str } from '../overview/overview-math.js';
import { labelSelector, mapSelector, type LabelMatch } from './label-match.js';

/** A kind by API group (`core` for the core group) and Kind; the service maps it to a resource via discovery. */
export interface KindKey {
  group: string;
  kind: string;
}

/** An object this one points at: by name (namespace null for cluster-scoped targets) or, for pods, by selector. */
export type Link =
  | { relation: 'owner' | 'uses'; to: KindKey; namespace: string | null; name: string; uid?: string }
  | { relation: 'selects'; to: KindKey; namespace: string; match: LabelMatch };

export interface Rule {
  /** Every link an object of this kind holds (owner references aside: those are read for every kind). */
  links(o: unknown): Link[];
  /**
   * Kinds whose relations page scans this kind for links back to them (used-by / selected-by). Workloads are left
   * out of the pods' list (the owner chain shows them) and ReplicaSets out of the config lists (old revisions).
   */
  reverseFor: readonly string[];
}

const K = (group: string, kind: string): KindKey => ({ group, kind });
export const keyOf = (k: KindKey) => `${k.group}/${k.kind}`;

const POD = K('core', 'Pod');
const CONFIG_MAP = K('core', 'ConfigMap');
const SECRET = K('core', 'Secret');
const PVC = K('core', 'PersistentVolumeClaim');
const SERVICE_ACCOUNT = K('core', 'ServiceAccount');
const NODE = K('core', 'Node');
const POD_CONFIG = [CONFIG_MAP, SECRET, PVC, SERVICE_ACCOUNT].map(keyOf);

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nsOf = (o: unknown): string => str(at(o, 'metadata', 'namespace'));
const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : 'core');

function uses(to: KindKey, namespace: string | null, name: unknown): Link[] {
  return typeof name === 'string' && name ? [{ relation: 'uses', to, namespace, name }] : [];
}

/** Volumes, env, envFrom, image pull secrets and the service account of a pod spec (a pod's or a template's). */
export function podSpecLinks(spec: unknown, namespace: string): Link[] {
  const out: Link[] = [];
  for (const v of list(at(spec, 'volumes'))) {
    out.push(...uses(CONFIG_MAP, namespace, at(v, 'configMap', 'name')));
    out.push(...uses(SECRET, namespace, at(v, 'secret', 'secretName')));
    out.push(...uses(PVC, namespace, at(v, 'persistentVolumeClaim', 'claimName')));
    for (const s of list(at(v, 'projected', 'sources'))) {
      out.push(...uses(CONFIG_MAP, namespace, at(s, 'configMap', 'name')));
      out.push(...uses(SECRET, namespace, at(s, 'secret', 'name')));
    }
  }
  const containers = ['initContainers', 'containers', 'ephemeralContainers'].flatMap((k) => list(at(spec, k)));
  for (const c of containers) {
    for (const e of list(at(c, 'envFrom'))) {
      out.push(...uses(CONFIG_MAP, namespace, at(e, 'configMapRef', 'name')));
      out.push(...uses(SECRET, namespace, at(e, 'secretRef', 'name')));
    }
    for (const e of list(at(c, 'env'))) {
      out.push(...uses(CONFIG_MAP, namespace, at(e, 'valueFrom', 'configMapKeyRef', 'name')));
      out.push(...uses(SECRET, namespace, at(e, 'valueFrom', 'secretKeyRef', 'name')));
    }
  }
  for (const s of list(at(spec, 'imagePullSecrets'))) out.push(...uses(SECRET, namespace, at(s, 'name')));
  // An unset service account is the namespace's `default` one (admission fills it in on pods).
  const sa = str(at(spec, 'serviceAccountName')) || str(at(spec, 'serviceAccount')) || 'default';
  out.push(...uses(SERVICE_ACCOUNT, namespace, sa));
  return out;
}

function selects(o: unknown, match: LabelMatch | null): Link[] {
  return match ? [{ relation: 'selects', to: POD, namespace: nsOf(o), match }] : [];
}

/** A workload: its selector over pods plus whatever its pod template uses. */
const workload = (templatePath: string[], reverseFor: readonly string[], withSelector = true): Rule => ({
  links: (o) => [
    ...(withSelector ? selects(o, labelSelector(at(o, 'spec', 'selector'))) : []),
    ...podSpecLinks(at(o, ...templatePath, 'spec'), nsOf(o)),
  ],
  reverseFor,
});

const subjects = (o: unknown): Link[] =>
  list(at(o, 'subjects'))
    .filter((s) => at(s, 'kind') === 'ServiceAccount')
    .flatMap((s) => uses(SERVICE_ACCOUNT, str(at(s, 'namespace')) || nsOf(o), at(s, 'name')));

const roleRef = (o: unknown): Link[] => {
  const kind = str(at(o, 'roleRef', 'kind'));
  if (kind !== 'Role' && kind !== 'ClusterRole') return [];
  return uses(K('rbac.authorization.k8s.io', kind), kind === 'Role' ? nsOf(o) : null, at(o, 'roleRef', 'name'));
};

/** The resolver table: per source kind, the objects it points at. */
export const RULES: Record<string, Rule> = {
  'core/Pod': {
    links: (o) => [...podSpecLinks(at(o, 'spec'), nsOf(o)), ...uses(NODE, null, at(o, 'spec', 'nodeName'))],
    reverseFor: [...POD_CONFIG, keyOf(NODE)],
  },
  'apps/Deployment': workload(['spec', 'template'], POD_CONFIG),
  'apps/StatefulSet': workload(['spec', 'template'], POD_CONFIG),
  'apps/DaemonSet': workload(['spec', 'template'], POD_CONFIG),
  'apps/ReplicaSet': workload(['spec', 'template'], []),
  'batch/Job': workload(['spec', 'template'], POD_CONFIG),
  'batch/CronJob': workload(['spec', 'jobTemplate', 'spec', 'template'], POD_CONFIG, false),
  'core/Service': { links: (o) => selects(o, mapSelector(at(o, 'spec', 'selector'))), reverseFor: [keyOf(POD)] },
  'policy/PodDisruptionBudget': {
    links: (o) => selects(o, labelSelector(at(o, 'spec', 'selector'))),
    reverseFor: [keyOf(POD)],
  },
  'networking.k8s.io/NetworkPolicy': {
    links: (o) => selects(o, labelSelector(at(o, 'spec', 'podSelector'))),
    reverseFor: [keyOf(POD)],
  },
  'core/PersistentVolumeClaim': {
    links: (o) => [
      ...uses(K('core', 'PersistentVolume'), null, at(o, 'spec', 'volumeName')),
      ...uses(K('storage.k8s.io', 'StorageClass'), null, at(o, 'spec', 'storageClassName')),
    ],
    reverseFor: ['core/PersistentVolume', 'storage.k8s.io/StorageClass'],
  },
  'core/PersistentVolume': {
    links: (o) => uses(K('storage.k8s.io', 'StorageClass'), null, at(o, 'spec', 'storageClassName')),
    reverseFor: ['storage.k8s.io/StorageClass'],
  },
  'networking.k8s.io/Ingress': {
    links: (o) => {
      const ns = nsOf(o);
      const backends = [
        at(o, 'spec', 'defaultBackend'),
        ...list(at(o, 'spec', 'rules')).flatMap((r) => list(at(r, 'http', 'paths')).map((p) => at(p, 'backend'))),
      ];
      return [
        ...backends.flatMap((b) => uses(K('core', 'Service'), ns, at(b, 'service', 'name'))),
        ...uses(K('networking.k8s.io', 'IngressClass'), null, at(o, 'spec', 'ingressClassName')),
        ...list(at(o, 'spec', 'tls')).flatMap((t) => uses(SECRET, ns, at(t, 'secretName'))),
      ];
    },
    reverseFor: ['core/Service', 'networking.k8s.io/IngressClass', keyOf(SECRET)],
  },
  'autoscaling/HorizontalPodAutoscaler': {
    links: (o) => {
      const target = at(o, 'spec', 'scaleTargetRef');
      const kind = str(at(target, 'kind'));
      return kind ? uses(K(groupOf(str(at(target, 'apiVersion'))), kind), nsOf(o), at(target, 'name')) : [];
    },
    reverseFor: ['apps/Deployment', 'apps/StatefulSet', 'apps/ReplicaSet'],
  },
  'discovery.k8s.io/EndpointSlice': {
    links: (o) => uses(K('core', 'Service'), nsOf(o), at(o, 'metadata', 'labels', 'kubernetes.io/service-name')),
    reverseFor: ['core/Service'],
  },
  'rbac.authorization.k8s.io/RoleBinding': {
    links: (o) => [...roleRef(o), ...subjects(o)],
    reverseFor: ['rbac.authorization.k8s.io/Role', 'rbac.authorization.k8s.io/ClusterRole', keyOf(SERVICE_ACCOUNT)],
  },
  'rbac.authorization.k8s.io/ClusterRoleBinding': {
    links: (o) => [...roleRef(o), ...subjects(o)],
    reverseFor: ['rbac.authorization.k8s.io/ClusterRole', keyOf(SERVICE_ACCOUNT)],
  },
};

/** Kinds whose objects an owner of this kind creates: where to look for `owned` objects by owner uid. */
export const CHILDREN: Record<string, readonly string[]> = {
  'apps/Deployment': ['apps/ReplicaSet'],
  'apps/ReplicaSet': ['core/Pod'],
  'apps/StatefulSet': ['core/Pod', 'apps/ControllerRevision'],
  'apps/DaemonSet': ['core/Pod', 'apps/ControllerRevision'],
  'batch/Job': ['core/Pod'],
  'batch/CronJob': ['batch/Job'],
};

/** metadata.ownerReferences as links up (owners live in the object's namespace or are cluster-scoped). */
export function ownerLinks(o: unknown): Link[] {
  return list(at(o, 'metadata', 'ownerReferences')).flatMap((r) => {
    const kind = str(at(r, 'kind'));
    const name = str(at(r, 'name'));
    if (!kind || !name) return [];
    const to = K(groupOf(str(at(r, 'apiVersion'))), kind);
    return [{ relation: 'owner' as const, to, namespace: nsOf(o) || null, name, uid: str(at(r, 'uid')) || undefined }];
  });
}

/** Every link of an object, duplicates (a ConfigMap mounted and used in env) folded into one. */
export function linksOf(kind: KindKey, o: unknown): Link[] {
  const all = [...ownerLinks(o), ...(RULES[keyOf(kind)]?.links(o) ?? [])];
  const seen = new Set<string>();
  return all.filter((l) => {
    if (l.relation === 'selects') return true;
    const k = `${l.relation}|${keyOf(l.to)}|${l.namespace ?? ''}|${l.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Does this link point at `target` (of kind `kind`)? Owners match by uid when the reference carries one. */
export function pointsAt(l: Link, kind: KindKey, target: unknown): boolean {
  if (keyOf(l.to) !== keyOf(kind)) return false;
  const ns = nsOf(target) || null;
  if (l.relation === 'selects') return l.namespace === ns && l.match(labelsOf(target));
  if (l.uid) return l.uid === str(at(target, 'metadata', 'uid'));
  return l.name === str(at(target, 'metadata', 'name')) && (l.namespace === null || l.namespace === ns);
}

/** Source kinds to scan for links back to `kind`. */
export function reverseSources(kind: KindKey): string[] {
  const key = keyOf(kind);
  return Object.entries(RULES)
    .filter(([, r]) => r.reverseFor.includes(key))
    .map(([k]) => k);
}

export const REVERSE: Record<'owner' | 'selects' | 'uses', Relation> = {
  owner: 'owned',
  selects: 'selected-by',
  uses: 'used-by',
};

export function parseKindKey(key: string): KindKey {
  const i = key.indexOf('/');
  return { group: key.slice(0, i), kind: key.slice(i + 1) };
}

export const labelsOf = (o: unknown): Record<string, string> =>
  (at(o, 'metadata', 'labels') ?? {}) as Record<string, string>;
