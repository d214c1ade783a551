import type { RoleRule, Scope, Subject } from '@wheelhouse/shared';

/** Kubernetes writes the core API group as ''; people call it "core" (a real group could never be named so). */
export const CORE_GROUP_LABEL = 'core';

export function groupLabel(group: string): string {
  return group === '' ? CORE_GROUP_LABEL : group;
}

/** `c1/team-a` for a namespace, `c1` for a cluster, null for global (which the caller names in its language). */
export function scopePath(scope: Scope): string | null {
  switch (scope.kind) {
    case 'global':
      return null;
    case 'cluster':
      return scope.cluster;
    case 'namespace':
      return `${scope.cluster}/${scope.namespace}`;
  }
}

/** The scope an access request points at: a namespace needs its cluster, otherwise it is global. */
export function requestScope({ cluster, namespace }: { cluster?: string; namespace?: string }): Scope {
  if (cluster && namespace) {
    return { kind: 'namespace', cluster, namespace };
  }
  return cluster ? { kind: 'cluster', cluster } : { kind: 'global' };
}

/** One line per rule, language-neutral (verbs and resources are Kubernetes identifiers): `get, list pods (core)`. */
export function formatRule(rule: RoleRule): string {
  const names = rule.resourceNames?.length ? ` [${rule.resourceNames.join(', ')}]` : '';
  return `${rule.verbs.join(', ')} ${rule.resources.join(', ')}${names} (${rule.apiGroups.map(groupLabel).join(', ')})`;
}

export function subjectKey(subject: Subject): string {
  return subject.kind === 'group' ? `group:${subject.provider}:${subject.name}` : `${subject.kind}:${subject.id}`;
}

/** A rule as the editor holds it: the core group as "core" so every select value is a non-empty string. */
export type RuleFormValue = { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames?: string[] };

export function toFormRule(rule: RoleRule): RuleFormValue {
  return {
    verbs: [...rule.verbs],
    apiGroups: rule.apiGroups.map(groupLabel),
    resources: [...rule.resources],
    resourceNames: rule.resourceNames ? [...rule.resourceNames] : [],
  };
}

/** Back to the API's shape; the result is still checked with the shared schema before sending. */
export function fromFormRule(value: RuleFormValue): Record<string, unknown> {
  const trim = (items: string[] | undefined) => (items ?? []).map((item) => item.trim()).filter(Boolean);
  const names = trim(value.resourceNames);
  return {
    verbs: trim(value.verbs),
    apiGroups: (value.apiGroups ?? []).map((group) => (group.trim() === CORE_GROUP_LABEL ? '' : group.trim())),
    resources: trim(value.resources),
    ...(names.length ? { resourceNames: names } : {}),
  };
}
