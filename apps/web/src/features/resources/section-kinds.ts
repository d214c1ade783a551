import { kindDef, kindsOfSection, type KindSection } from '@wheelhouse/shared';
import type { SectionKey } from '@/features/shell/nav-sections';

type Kind = { group: string; version: string; resource: string };
export type KindSectionKey = Exclude<SectionKey, 'clusters' | 'custom'>;

/** Sidebar section ↔ the kind registry's section. */
const FROM_REGISTRY: Record<KindSection, KindSectionKey> = {
  workloads: 'workloads',
  network: 'network',
  config: 'config',
  storage: 'storage',
  cluster: 'infra',
  access: 'rbac',
};
const TO_REGISTRY = Object.fromEntries(Object.entries(FROM_REGISTRY).map(([k, v]) => [v, k])) as Record<KindSectionKey, KindSection>;

/** Which lists each sidebar section leads to, in registry order. */
export function sectionKinds(section: KindSectionKey): Kind[] {
  return kindsOfSection(TO_REGISTRY[section]).map((k) => ({ group: k.group || 'core', version: k.version, resource: k.resource }));
}

/** A group that is not Kubernetes' own: CRDs and aggregated APIs (`example.com`, `metrics.k8s.io` is Kubernetes'). */
export const isCustomGroup = (group: string) => group.includes('.') && !group.endsWith('.k8s.io') && group !== 'core';

/** The sidebar section a resource list belongs to (`/clusters/c1/r/apps/v1/deployments` → workloads). */
export function sectionOfPath(pathname: string): SectionKey | undefined {
  const match = /^\/clusters\/[^/]+\/r\/([^/]+)\/([^/]+)\/([^/?]+)/.exec(pathname);
  if (!match) return undefined;
  const group = decodeURIComponent(match[1] ?? '');
  const def = kindDef(group, decodeURIComponent(match[3] ?? ''));
  if (def) return FROM_REGISTRY[def.section];
  return isCustomGroup(group) ? 'custom' : undefined;
}
