import type { AccessRequest, RoleRule, Scope } from '@wheelhouse/shared';

/**
 * Pure Kubernetes-RBAC-style matching. Semantics follow k8s.io/apiserver's rbac helpers: `*` matches anything in
 * its list and only where a rule writes it; `*` as a resource also covers subresources; `*\/scale` covers the
 * scale subresource of anything; resourceNames restrict a rule to requests that name one of them.
 */
export function ruleAllows(rule: RoleRule, req: AccessRequest): boolean {
  return (
    has(rule.verbs, req.verb) &&
    has(rule.apiGroups, req.group) &&
    resourceMatches(rule.resources, req.resource, req.subresource) &&
    nameMatches(rule.resourceNames, req.name)
  );
}

function has(list: readonly string[], value: string): boolean {
  return list.includes('*') || list.includes(value);
}

function resourceMatches(resources: readonly string[], resource: string, subresource?: string): boolean {
  const full = subresource ? `${resource}/${subresource}` : resource;
  return resources.some(
    (r) => r === '*' || r === full || (subresource !== undefined && (r === `*/${subresource}` || r === `${resource}/*`)),
  );
}

function nameMatches(names: readonly string[] | undefined, name: string | undefined): boolean {
  if (!names || names.length === 0) return true;
  return name !== undefined && names.includes(name);
}

/**
 * Whether a binding's scope covers a request: global covers everything; a cluster binding covers requests in
 * that cluster (any namespace, and cluster-scoped resources); a namespace binding covers only requests in that
 * very namespace, so a namespaced role can never reach cluster-scoped resources or console-wide ones.
 */
export function scopeCovers(scope: Scope, req: Pick<AccessRequest, 'cluster' | 'namespace'>): boolean {
  switch (scope.kind) {
    case 'global':
      return true;
    case 'cluster':
      return req.cluster === scope.cluster;
    case 'namespace':
      return req.cluster === scope.cluster && req.namespace === scope.namespace;
  }
}

/** Whether scope `outer` contains every request that scope `inner` covers. */
export function scopeContains(outer: Scope, inner: Scope): boolean {
  if (outer.kind === 'global') return true;
  if (inner.kind === 'global') return false;
  if (outer.kind === 'cluster') return outer.cluster === inner.cluster;
  return inner.kind === 'namespace' && outer.cluster === inner.cluster && outer.namespace === inner.namespace;
}

/**
 * Splits a rule into single grants (verb × group × resource × name) so that "does the caller hold everything
 * this rule grants" becomes a per-atom question. Wildcards stay literal: granting `*` requires holding `*`.
 */
export function atomsOf(rule: RoleRule): RoleRule[] {
  const names = rule.resourceNames && rule.resourceNames.length > 0 ? rule.resourceNames.map((n) => [n]) : [undefined];
  const atoms: RoleRule[] = [];
  for (const verb of rule.verbs) {
    for (const group of rule.apiGroups) {
      for (const resource of rule.resources) {
        for (const resourceNames of names) atoms.push({ verbs: [verb], apiGroups: [group], resources: [resource], ...(resourceNames ? { resourceNames } : {}) });
      }
    }
  }
  return atoms;
}

/** Whether `holder` grants at least what the single-grant `atom` grants. */
export function ruleCovers(holder: RoleRule, atom: RoleRule): boolean {
  const [verb, group, resource] = [atom.verbs[0]!, atom.apiGroups[0]!, atom.resources[0]!];
  if (!has(holder.verbs, verb) || !has(holder.apiGroups, group)) return false;
  const coversResource = holder.resources.some((h) => {
    if (h === '*' || h === resource) return true;
    const [res, sub] = resource.split('/');
    if (sub === undefined) return false;
    return h === `*/${sub}` || (h === `${res}/*` && sub !== '*');
  });
  if (!coversResource) return false;
  if (!holder.resourceNames || holder.resourceNames.length === 0) return true;
  return Boolean(atom.resourceNames?.length) && atom.resourceNames!.every((n) => holder.resourceNames!.includes(n));
}
