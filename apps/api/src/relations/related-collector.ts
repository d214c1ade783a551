import {
  MAX_RELATED_PER_RELATION,
  RELATIONS,
  type HiddenRelation,
  type Relation,
  type RelatedObject,
  type Relations,
} from '@wheelhouse/shared';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import type { Scoped, ScopedReads } from '../overview/scoped-reads.js';
import { relatedStatus } from './related-status.js';
import {
  CHILDREN,
  REVERSE,
  keyOf,
  linksOf,
  parseKindKey,
  pointsAt,
  reverseSources,
  type KindKey,
  type Link,
} from './relation-rules.js';

const coreAsNamed = (group: string) => group || 'core';

/**
 * One request's walk from one object to its relations. Every kind is read through ScopedReads (the shared informer
 * cache, filtered to the caller's namespaces); a kind the caller may not list where it is needed lands in `hidden`
 * and contributes nothing else — not even a count.
 */
export class RelatedCollector {
  private readonly reads = new Map<string, Promise<Scoped | null>>();
  private readonly found = new Map<string, RelatedObject>();
  private readonly hidden = new Map<string, HiddenRelation>();

  constructor(
    private readonly r: ScopedReads,
    private readonly discovery: readonly ResourceRef[],
  ) {}

  async collect(ref: ResourceRef, target: KubernetesObject): Promise<Relations> {
    const kind: KindKey = { group: coreAsNamed(ref.group), kind: ref.kind };
    await Promise.all([this.forward(kind, target), this.reverse(kind, ref, target), this.owned(kind, ref, target)]);
    return this.result();
  }

  /** What the object points at: owners, selected pods, used objects (a dangling name shows as Missing). */
  private async forward(kind: KindKey, target: KubernetesObject): Promise<void> {
    const groups = new Map<string, { to: KindKey; namespace: string | null; links: Link[] }>();
    for (const l of linksOf(kind, target)) {
      const k = `${keyOf(l.to)}|${l.namespace ?? ''}`;
      const g = groups.get(k) ?? { to: l.to, namespace: l.namespace, links: [] };
      g.links.push(l);
      groups.set(k, g);
    }
    await Promise.all(
      [...groups.values()].map(async ({ to, namespace, links }) => {
        const ref = this.resolve(to);
        if (!ref) return; // not served by this cluster (or not listable): nothing to say
        const s = await this.read(ref, namespace ?? undefined);
        if (!s) return links.forEach((l) => this.hide(l.relation, ref));
        for (const l of links) {
          const hits = s.items.filter((o) => pointsAt(l, to, o));
          hits.forEach((o) => this.add(l.relation, ref, o));
          if (!hits.length && l.relation !== 'selects') this.addMissing(l.relation, ref, l);
        }
      }),
    );
  }

  /** Objects of other kinds that point at this one (used-by, selected-by), per the rule table. */
  private async reverse(kind: KindKey, ref: ResourceRef, target: KubernetesObject): Promise<void> {
    // Only selectors point at pods, and only names elsewhere: the relation a hidden kind would have had.
    const relation: Relation = keyOf(kind) === 'core/Pod' ? 'selected-by' : 'used-by';
    await Promise.all(
      reverseSources(kind).map(async (source) => {
        const sourceKind = parseKindKey(source);
        const sref = this.resolve(sourceKind);
        if (!sref) return;
        const s = await this.read(sref, sref.namespaced && ref.namespaced ? target.metadata?.namespace : undefined);
        if (!s) return this.hide(relation, sref);
        for (const o of s.items) {
          if (o.metadata?.uid && o.metadata.uid === target.metadata?.uid) continue;
          for (const l of linksOf(sourceKind, o)) {
            if (l.relation !== 'owner' && pointsAt(l, kind, target)) this.add(REVERSE[l.relation], sref, o);
          }
        }
      }),
    );
  }

  /** Objects whose ownerReferences name this one's uid, among the kinds its controller creates. */
  private async owned(kind: KindKey, ref: ResourceRef, target: KubernetesObject): Promise<void> {
    const uid = target.metadata?.uid;
    if (!uid) return;
    await Promise.all(
      (CHILDREN[keyOf(kind)] ?? []).map(async (child) => {
        const cref = this.resolve(parseKindKey(child));
        if (!cref) return;
        const s = await this.read(cref, cref.namespaced && ref.namespaced ? target.metadata?.namespace : undefined);
        if (!s) return this.hide('owned', cref);
        for (const o of s.items) {
          if (o.metadata?.ownerReferences?.some((r) => r.uid === uid)) this.add('owned', cref, o);
        }
      }),
    );
  }

  /** The served, watchable resource of a kind; discovery lists the preferred version first. */
  private resolve(k: KindKey): ResourceRef | undefined {
    const group = k.group === 'core' ? '' : k.group;
    return this.discovery.find(
      (d) => d.group === group && d.kind === k.kind && d.verbs.includes('list') && d.verbs.includes('watch'),
    );
  }

  /** A kind in one namespace (all the caller's namespaces when none), read once per request; null = hidden. */
  private read(ref: ResourceRef, namespace?: string): Promise<Scoped | null> {
    const ns = ref.namespaced ? namespace : undefined;
    const key = `${ref.group}/${ref.resource}|${ns ?? '*'}`;
    let p = this.reads.get(key);
    if (!p) {
      p = this.r.items(coreAsNamed(ref.group), ref.version, ref.resource, ns);
      this.reads.set(key, p);
    }
    return p;
  }

  private add(relation: Relation, ref: ResourceRef, o: KubernetesObject): void {
    const namespace = ref.namespaced ? o.metadata?.namespace : undefined;
    this.put(relation, ref, namespace, o.metadata?.name ?? '', relatedStatus(ref.kind, o));
  }

  private addMissing(relation: Relation, ref: ResourceRef, l: Link & { name: string }): void {
    this.put(relation, ref, ref.namespaced ? (l.namespace ?? undefined) : undefined, l.name, 'Missing');
  }

  private put(relation: Relation, ref: ResourceRef, namespace: string | undefined, name: string, status?: string) {
    if (!name) return;
    const item: RelatedObject = {
      relation,
      ref: {
        cluster: this.r.clusterId,
        group: coreAsNamed(ref.group),
        version: ref.version,
        resource: ref.resource,
        ...(namespace ? { namespace } : {}),
        name,
      },
      kind: ref.kind,
      ...(status ? { status } : {}),
    };
    this.found.set(`${relation}|${ref.group}/${ref.resource}|${namespace ?? ''}|${name}`, item);
  }

  private hide(relation: Relation, ref: ResourceRef): void {
    const group = coreAsNamed(ref.group);
    this.hidden.set(`${relation}|${group}/${ref.resource}`, { relation, group, resource: ref.resource });
  }

  private result(): Relations {
    let truncated = false;
    const items = RELATIONS.flatMap((relation) => {
      const all = [...this.found.values()]
        .filter((i) => i.relation === relation)
        .sort((a, b) => a.kind.localeCompare(b.kind) || order(a).localeCompare(order(b)));
      if (all.length > MAX_RELATED_PER_RELATION) truncated = true;
      return all.slice(0, MAX_RELATED_PER_RELATION);
    });
    const hidden = [...this.hidden.values()].sort(
      (a, b) => a.relation.localeCompare(b.relation) || a.group.localeCompare(b.group) || a.resource.localeCompare(b.resource),
    );
    return { items, hidden, truncated };
  }
}

const order = (i: RelatedObject) => `${i.ref.namespace ?? ''}/${i.ref.name}`;
