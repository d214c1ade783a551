import { kindDef, type KindSection } from '@wheelhouse/shared';

/** The console's top-level sections; each key is also its route and its message key under `nav`. */
export type SectionKey = 'clusters' | 'workloads' | 'config' | 'network' | 'storage' | 'infra' | 'rbac' | 'custom';
/** Sections whose lists come from the kind registry. */
export type KindSectionKey = Exclude<SectionKey, 'clusters' | 'custom'>;

/** The kind registry's section → the sidebar section that shows it. */
export const SECTION_OF_REGISTRY: Record<KindSection, KindSectionKey> = {
  workloads: 'workloads',
  network: 'network',
  config: 'config',
  storage: 'storage',
  cluster: 'infra',
  access: 'rbac',
};

/** A group that is not Kubernetes' own: CRDs and aggregated APIs (`example.com`, `metrics.k8s.io` is Kubernetes'). */
export const isCustomGroup = (group: string) => group.includes('.') && !group.endsWith('.k8s.io') && group !== 'core';

/** The sidebar section a resource list belongs to (`/clusters/c1/r/apps/v1/deployments` → workloads). */
export function sectionOfPath(pathname: string): SectionKey | undefined {
  const match = /^\/clusters\/[^/]+\/r\/([^/]+)\/([^/]+)\/([^/?]+)/.exec(pathname);
  if (!match) return undefined;
  const group = decodeURIComponent(match[1] ?? '');
  const def = kindDef(group, decodeURIComponent(match[3] ?? ''));
  if (def) return SECTION_OF_REGISTRY[def.section];
  return isCustomGroup(group) ? 'custom' : undefined;
}
