import type { SectionKey } from '@/features/shell/nav-sections';

type Kind = { group: string; version: string; resource: string };
const k = (group: string, version: string, resource: string): Kind => ({ group, version, resource });

/** Which lists each sidebar section leads to. */
export const SECTION_KINDS: Record<Exclude<SectionKey, 'clusters'>, Kind[]> = {
  workloads: [
    k('apps', 'v1', 'deployments'),
    k('apps', 'v1', 'statefulsets'),
    k('apps', 'v1', 'daemonsets'),
    k('batch', 'v1', 'jobs'),
    k('batch', 'v1', 'cronjobs'),
    k('core', 'v1', 'pods'),
  ],
  config: [k('core', 'v1', 'configmaps'), k('core', 'v1', 'secrets')],
  network: [k('core', 'v1', 'services'), k('networking.k8s.io', 'v1', 'ingresses'), k('networking.k8s.io', 'v1', 'networkpolicies')],
  storage: [
    k('core', 'v1', 'persistentvolumeclaims'),
    k('core', 'v1', 'persistentvolumes'),
    k('storage.k8s.io', 'v1', 'storageclasses'),
  ],
};

/** The sidebar section a resource list belongs to (`/clusters/c1/r/apps/v1/deployments` → workloads). */
export function sectionOfPath(pathname: string): SectionKey | undefined {
  const match = /^\/clusters\/[^/]+\/r\/([^/]+)\/([^/]+)\/([^/?]+)/.exec(pathname);
  if (!match) return undefined;
  const [, group, , resource] = match;
  const found = Object.entries(SECTION_KINDS).find(([, kinds]) =>
    kinds.some((k) => k.group === decodeURIComponent(group ?? '') && k.resource === decodeURIComponent(resource ?? '')),
  );
  return found?.[0] as SectionKey | undefined;
}
